import { alertRule } from './alert-fixtures';
import { describeRule, thresholdUnit } from './alert-kinds';

describe('describeRule', () => {
  it('says each kind with its threshold in the right unit', () => {
    expect(describeRule(alertRule())).toBe('Throughput above 1.00 MB/s for 60 s');
    expect(describeRule(alertRule({ forSeconds: 5, kind: 'coverage-below', threshold: 95 }))).toBe(
      'Capture coverage below 95 % for 5 s',
    );
    expect(describeRule(alertRule({ kind: 'host-offline', threshold: null }))).toBe(
      'Host offline for 60 s',
    );
  });

  it('knows which kinds take a threshold', () => {
    expect(thresholdUnit('host-offline')).toBeNull();
    expect(thresholdUnit('throughput-below')).toBe('bytes/s');
  });
});
