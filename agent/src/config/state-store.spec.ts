import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../common/logger';
import { SEQ_RESERVE_BLOCK, StateStore } from './state-store';

describe(StateStore.name, () => {
  const T0 = 1_000_000; // epoch ms: a seq floor of 1000
  let dir: string;
  let warnings: string[];
  const log = () => createLogger('warn', (line) => warnings.push(line));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nta-state-spec-'));
    warnings = [];
  });

  afterEach(() => rmSync(dir, { force: true, recursive: true }));

  it('continues above every seq a previous run could have used', () => {
    const first = new StateStore(dir, log(), T0);
    const used = Array.from({ length: SEQ_RESERVE_BLOCK + 5 }, () => first.nextSeq());

    const sut = new StateStore(dir, log(), T0);

    expect(used[0]).toBe(1000);
    used.slice(1).forEach((s, i) => expect(s).toBe(used[i] + 1));
    expect(sut.nextSeq()).toBeGreaterThan(Math.max(...used));
  });

  it('keeps the chosen interface and filter across instances', () => {
    new StateStore(dir, log(), T0).saveChoice({ filter: 'udp', interface: 'eth1' });

    expect(new StateStore(dir, log(), T0).chosen).toEqual({ filter: 'udp', interface: 'eth1' });
  });

  it('keeps every running capture across instances, the first also as the single choice', () => {
    const captures = [
      { filter: null, interface: 'eth0' },
      { filter: 'udp', interface: 'eth1' },
    ];
    new StateStore(dir, log(), T0).saveCaptures(captures);

    const sut = new StateStore(dir, log(), T0);

    expect(sut.savedCaptures).toEqual(captures);
    expect(sut.chosen).toEqual({ filter: null, interface: 'eth0' });
  });

  it('reads a state file from before several captures as "no saved captures"', () => {
    writeFileSync(
      join(dir, 'state.json'),
      JSON.stringify({ filter: 'tcp', interface: 'eth2', seqReserved: 5 }),
    );

    const sut = new StateStore(dir, log(), T0);

    expect(sut.savedCaptures).toBeNull();
    expect(sut.chosen).toEqual({ filter: 'tcp', interface: 'eth2' });
    expect(warnings).toEqual([]);
  });

  it('ignores a corrupt state file with a warning and starts from the time floor', () => {
    writeFileSync(join(dir, 'state.json'), '{"seqReserved": "many"');

    const sut = new StateStore(dir, log(), T0);

    expect(sut.nextSeq()).toBe(1000);
    expect(warnings.join('\n')).toContain('ignoring invalid JSON');
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).seqReserved).toBeGreaterThan(
      1000,
    );
  });

  it('warns once and keeps working when the directory is not writable', () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, '');
    chmodSync(file, 0o400);

    const sut = new StateStore(join(file, 'sub'), log(), T0);
    for (let i = 0; i < SEQ_RESERVE_BLOCK * 2; i++) sut.nextSeq();
    sut.saveChoice({ filter: null, interface: 'lo' });

    expect(warnings.length).toBe(1);
    expect(warnings[0]).toContain('set --state-dir / NTA_STATE_DIR');
  });
});
