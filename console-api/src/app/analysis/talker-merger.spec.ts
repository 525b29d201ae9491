import type { TalkerRow } from '@nta/contracts';
import { TalkerMerger } from './talker-merger';

function talker(
  address: string,
  bytesIn: number,
  bytesOut = 0,
  name: string | null = null,
): TalkerRow {
  return { address, bytesIn, bytesOut, name, packetsIn: 1, packetsOut: bytesOut ? 1 : 0 };
}

describe(TalkerMerger.name, () => {
  let sut: TalkerMerger;

  beforeEach(() => {
    sut = new TalkerMerger();
  });

  it('merges rows by address on each side and keeps the newest name', () => {
    sut.add('remote', talker('1.1.1.1', 100, 10, 'one.one'));
    sut.add('remote', talker('1.1.1.1', 50, 5));
    sut.add('remote', talker('1.1.1.1', 1, 0, 'one.one.one.one'));
    sut.add('local', talker('1.1.1.1', 7));

    const top = sut.top(10);

    expect(top.remote).toEqual([
      {
        address: '1.1.1.1',
        bytesIn: 151,
        bytesOut: 15,
        name: 'one.one.one.one',
        packetsIn: 3,
        packetsOut: 2,
      },
    ]);
    expect(top.local).toEqual([talker('1.1.1.1', 7)]);
  });

  it('names unnamed addresses from the learned names', () => {
    sut.add('remote', talker('8.8.8.8', 10));
    sut.add('remote', talker('9.9.9.9', 5, 0, 'quad9'));

    expect(sut.unnamedAddresses()).toEqual(['8.8.8.8']);
    const names = new Map([
      ['8.8.8.8', 'dns.google'],
      ['9.9.9.9', 'old-name'],
    ]);
    expect(sut.top(10, names).remote.map((t) => t.name)).toEqual(['dns.google', 'quad9']);
  });

  it('cuts each side to the limit and adds the cut rows to that side’s other', () => {
    sut.add('local', talker('10.0.0.1', 300));
    sut.add('local', talker('10.0.0.2', 100, 50));
    sut.add('local', talker('10.0.0.3', 200));
    sut.addOther('local', { bytes: 1000, packets: 10 });
    sut.add('remote', talker('1.1.1.1', 5));
    sut.addOther('remote', { bytes: 7, packets: 1 });

    const top = sut.top(2);

    expect(top.local.map((t) => t.address)).toEqual(['10.0.0.1', '10.0.0.3']);
    expect(top.localOther).toEqual({ bytes: 1150, packets: 12 });
    expect(top.remote.length).toBe(1);
    expect(top.remoteOther).toEqual({ bytes: 7, packets: 1 });
    expect(top.omitted).toEqual({ local: 1, remote: 0 });
    const listed = top.local.reduce((n, t) => n + t.bytesIn + t.bytesOut, 0);
    expect(listed + top.localOther.bytes).toBe(300 + 150 + 200 + 1000);
  });
});
