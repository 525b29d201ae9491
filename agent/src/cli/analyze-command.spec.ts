import { parseCliArgs } from '../config/cli-args';
import { loadConfig } from '../config/load-config';
import { fileAgentId, parseIntervalMs } from './analyze-command';

describe(parseIntervalMs.name, () => {
  it('defaults to the report interval and checks the range', () => {
    expect(parseIntervalMs(undefined)).toBe(1_000);
    expect(parseIntervalMs('250')).toBe(250);
    expect(() => parseIntervalMs('10')).toThrowError(
      '--interval-ms "10": expected a whole number from 100 to 3600000',
    );
    expect(() => parseIntervalMs('1.5e3x')).toThrowError(/--interval-ms "1.5e3x"/);
  });
});

describe(fileAgentId.name, () => {
  const config = (argv: string[]) =>
    loadConfig({
      cli: parseCliArgs(['analyze', 'x.pcap', ...argv]),
      defaultInterface: () => null,
      env: {},
      homedir: '/home/ops',
      hostname: 'web-01',
      isRoot: false,
      readFile: () => '',
    });

  it("names the file's host after the file unless --agent-id says otherwise", () => {
    expect(fileAgentId(config([]), 'branch office #2.pcapng')).toBe('branch-office--2');
    expect(fileAgentId(config(['--agent-id', 'lab-1']), 'x.pcap')).toBe('lab-1');
  });
});
