import { hostDetail } from '../../../testing/fleet-fixtures';
import { host } from '../../../testing/fixtures';
import { HISTORY_LENGTH, mergeSummary, rowFromDetail } from './fleet-row';

describe('mergeSummary', () => {
  it('keeps what people set and adds a sample to each sparkline', () => {
    const row = rowFromDetail(
      hostDetail({ displayName: 'Front', group: 'prod', id: 'a1', labels: ['eu'] }),
    );
    const next = mergeSummary(
      row,
      host({ hostname: 'renamed', id: 'a1', rate: { bytesPerSec: 7, packetsPerSec: 3 } }),
    );
    expect(next.name).toBe('Front');
    expect(next.hostname).toBe('renamed');
    expect([next.group, next.labels]).toEqual(['prod', ['eu']]);
    expect(next.bytesHistory).toEqual([0, 7]);
    expect(next.packetsHistory).toEqual([0, 3]);
  });

  it('keeps one minute of samples', () => {
    let row = rowFromDetail(hostDetail({ id: 'a1' }));
    for (let i = 1; i <= HISTORY_LENGTH + 5; i++) {
      row = mergeSummary(row, host({ id: 'a1', rate: { bytesPerSec: i, packetsPerSec: i } }));
    }
    expect(row.bytesHistory.length).toBe(HISTORY_LENGTH);
    expect(row.bytesHistory.at(-1)).toBe(HISTORY_LENGTH + 5);
    expect(row.bytesHistory[0]).toBe(6);
  });

  it('makes a row for a host it has not seen, named by hostname or id', () => {
    expect(mergeSummary(undefined, host({ hostname: 'new', id: 'n1' })).name).toBe('new');
    const bare = mergeSummary(undefined, host({ hostname: null, id: 'n2' }));
    expect([bare.name, bare.labels, bare.coveragePct]).toEqual(['n2', [], null]);
  });
});
