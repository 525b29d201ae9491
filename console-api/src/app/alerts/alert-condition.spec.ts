import type { AlertRule } from '@nta/contracts';
import type { LiveHost } from '../live/live-state';
import { alertMessage, observe, ruleTargets } from './alert-condition';

function rule(fields: Partial<AlertRule>): AlertRule {
  return {
    createdAt: 0,
    enabled: true,
    forSeconds: 0,
    group: null,
    host: null,
    id: 'r1',
    kind: 'throughput-above',
    name: 'r',
    threshold: 1000,
    webhookUrl: null,
    ...fields,
  };
}

function host(fields: Partial<LiveHost>): LiveHost {
  return { bytesPerSec: 0, coveragePct: null, group: null, id: 'h1', online: true, ...fields };
}

describe('alert conditions', () => {
  const hosts = [
    host({ group: 'web', id: 'a' }),
    host({ group: 'db', id: 'b' }),
    host({ id: 'c' }),
  ];

  it('targets the rule host, its group, or every host', () => {
    expect(ruleTargets(rule({ host: 'b' }), hosts).map((h) => h.id)).toEqual(['b']);
    expect(ruleTargets(rule({ group: 'web' }), hosts).map((h) => h.id)).toEqual(['a']);
    expect(ruleTargets(rule({}), hosts).map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(ruleTargets(rule({ host: 'nobody' }), hosts)).toEqual([]);
  });

  it('compares throughput strictly against the threshold', () => {
    const above = rule({ kind: 'throughput-above' });
    const below = rule({ kind: 'throughput-below' });

    expect(observe(above, host({ bytesPerSec: 1001 }))).toEqual({ breached: true, value: 1001 });
    expect(observe(above, host({ bytesPerSec: 1000 }))).toEqual({ breached: false, value: 1000 });
    expect(observe(below, host({ bytesPerSec: 999 }))).toEqual({ breached: true, value: 999 });
    expect(observe(below, host({ bytesPerSec: 1000 })).breached).toBeFalse();
  });

  it('has no verdict on rates and coverage of an offline host, or coverage never reported', () => {
    for (const kind of ['throughput-above', 'throughput-below', 'coverage-below'] as const) {
      expect(observe(rule({ kind }), host({ coveragePct: 50, online: false })).breached)
        .withContext(kind)
        .toBeNull();
    }
    expect(
      observe(rule({ kind: 'coverage-below' }), host({ coveragePct: null })).breached,
    ).toBeNull();
  });

  it('watches coverage and the online state', () => {
    const coverage = rule({ kind: 'coverage-below', threshold: 95 });
    expect(observe(coverage, host({ coveragePct: 80 }))).toEqual({ breached: true, value: 80 });
    expect(observe(coverage, host({ coveragePct: 99.5 })).breached).toBeFalse();
    expect(observe(rule({ kind: 'host-offline' }), host({ online: false })).breached).toBeTrue();
    expect(observe(rule({ kind: 'host-offline' }), host({ online: true })).breached).toBeFalse();
  });

  it('says what happened in one line', () => {
    expect(alertMessage(rule({ kind: 'host-offline' }), 'h1', null)).toBe('h1 is offline');
    expect(alertMessage(rule({ kind: 'coverage-below', threshold: 95 }), 'h1', 80)).toBe(
      'h1 capture coverage 80 % is below 95 %',
    );
  });
});
