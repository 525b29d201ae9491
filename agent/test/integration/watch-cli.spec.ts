// Starts the built agent CLI `watch` on lo: as root in human mode and interrupted with SIGINT,
// and as user `nobody` without capabilities (setpriv). Checks what an operator sees.
import { buildAgent, WatchCli } from './support/watch-cli';

const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all'];

describe('agent watch command line', () => {
  beforeAll(() => buildAgent(), 120_000);

  it('prints one short human line per second without --json', async () => {
    const watch = new WatchCli(['--interface', 'lo', '--seconds', '2']);

    expect(await watch.exited).toBe(0);
    expect(watch.stdout.length).toBe(2);
    for (const line of watch.stdout) {
      expect(line).toMatch(/^\d\d:\d\d:\d\d lo \d+ pkts \d+(\.\d)? (B|KiB|MiB) \| /);
    }
  });

  it('stops on Ctrl-C with exit 0 and prints nothing extra', async () => {
    const watch = new WatchCli(['--interface', 'lo', '--json'], { entry: 'dist' });
    await watch.waitForLines(1);
    watch.signal('SIGINT');
    const code = await watch.exited;
    const printed = watch.stdout.length;

    expect(code).toBe(0);
    expect(watch.stdout.slice(0, printed).every((l) => l.startsWith('{"agentId":'))).toBeTrue();
    expect(watch.stderr.filter((l) => l.trim() !== '')).toEqual([]);
  });

  it('without capabilities names CAP_NET_RAW / CAP_NET_ADMIN and the fix, exit 1, no stack', async () => {
    const watch = new WatchCli(['--interface', 'lo', '--json', '--seconds', '1'], {
      entry: 'dist',
      prefix: NOBODY,
    });

    expect(await watch.exited).toBe(1);
    expect(watch.stdout).toEqual([]);
    const message = watch.stderr.join('\n');
    expect(message).toContain('nta-agent: capture on lo not permitted');
    expect(message).toContain('lacks CAP_NET_RAW and CAP_NET_ADMIN');
    expect(message).toContain(
      'sudo setcap cap_net_raw,cap_net_admin=eip "$(readlink -f "$(command -v node)")"',
    );
    expect(watch.stderr.filter((l) => /^\s+at /.test(l))).toEqual([]);
  });

  it('rejects a bad --seconds with exit 2 and the flag named', async () => {
    const watch = new WatchCli(['--interface', 'lo', '--seconds', 'soon'], { entry: 'dist' });

    expect(await watch.exited).toBe(2);
    expect(watch.stderr.join('\n')).toContain('--seconds "soon": expected a whole number');
  });
});
