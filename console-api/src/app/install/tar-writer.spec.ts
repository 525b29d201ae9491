import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tarArchive } from './tar-writer';

describe(tarArchive.name, () => {
  let dir: string;

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nta-tar-'))));
  afterEach(() => rmSync(dir, { force: true, recursive: true }));

  it('writes an archive GNU tar extracts with contents, modes and long paths intact', () => {
    const long = `${'deep/'.repeat(30)}file.js`;
    const sut = tarArchive([
      {
        data: Buffer.from('#!/bin/sh\necho hi\n'),
        mode: 0o755,
        mtimeSeconds: 1_700_000_000,
        path: 'bin/run',
      },
      { data: Buffer.from('x'.repeat(1000)), mode: 0o644, mtimeSeconds: 1_700_000_000, path: long },
      { data: Buffer.alloc(0), mode: 0o644, mtimeSeconds: 0, path: 'empty' },
    ]);
    writeFileSync(join(dir, 'a.tar'), sut);

    execFileSync('tar', ['-xf', 'a.tar'], { cwd: dir });

    expect(readFileSync(join(dir, 'bin/run'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    expect(statSync(join(dir, 'bin/run')).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(dir, long), 'utf8')).toBe('x'.repeat(1000));
    expect(statSync(join(dir, 'empty')).size).toBe(0);
  });

  it('refuses a path ustar cannot hold', () => {
    expect(() =>
      tarArchive([{ data: Buffer.alloc(1), mode: 0o644, mtimeSeconds: 0, path: 'a'.repeat(300) }]),
    ).toThrowError(/path too long/);
  });
});
