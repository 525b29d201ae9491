import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCliArgs } from './cli-args';
import { type ConfigInputs, ConfigError, loadConfig, sanitizeAgentId } from './load-config';

describe(loadConfig.name, () => {
  const files: Record<string, string> = {};
  const inputs = (argv: string[], env: Record<string, string> = {}): ConfigInputs => ({
    cli: parseCliArgs(argv),
    defaultInterface: () => 'eth0',
    env,
    homedir: '/home/ops',
    hostname: 'web-01.example',
    isRoot: false,
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[path];
    },
  });
  const load = (argv: string[], env?: Record<string, string>) => loadConfig(inputs(argv, env));
  const failure = (argv: string[], env?: Record<string, string>) => {
    try {
      load(argv, env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  beforeEach(() => {
    files['/etc/nta/agent.json'] = JSON.stringify({
      consoleUrl: 'mqtt://file-host:1884',
      filter: 'tcp',
      interface: 'ens3',
      logLevel: 'debug',
    });
  });

  it('uses defaults when nothing is given', () => {
    const sut = load([]);

    expect(sut).toEqual({
      ackTimeoutSeconds: 15,
      agentId: 'web-01.example',
      autostart: true,
      bufferMb: 8,
      captureBackend: 'auto',
      consoleUrl: 'mqtt://127.0.0.1:1883',
      explicit: [],
      filter: null,
      flowIdleSeconds: 60,
      interface: 'eth0',
      keepaliveSeconds: 30,
      logLevel: 'info',
      maxFlows: 65_536,
      outboxFsyncMs: 1_000,
      outboxMaxMb: 2_048,
      outboxWindow: 50,
      password: null,
      promisc: true,
      reconnectJitter: 0.2,
      reconnectMaxMs: 15_000,
      reconnectMinMs: 1_000,
      reverseDns: false,
      reverseDnsRate: 10,
      samples: 50,
      snapLength: 256,
      stateDir: '/home/ops/.local/state/nta-agent',
      topFlows: 50,
      topTalkers: 20,
    });
  });

  it('uses /var/lib/nta-agent as root', () => {
    expect(loadConfig({ ...inputs([]), isRoot: true }).stateDir).toBe('/var/lib/nta-agent');
  });

  it('lets flags beat the environment, which beats the file, which beats defaults', () => {
    const env = {
      NTA_AGENT_CONFIG: '/etc/nta/agent.json',
      NTA_CONSOLE_URL: 'mqtt://env-host',
      NTA_INTERFACE: 'env0',
    };

    const sut = load(['run', '--interface', 'flag0', '--no-autostart'], env);

    expect(sut.interface).toBe('flag0');
    expect(sut.consoleUrl).toBe('mqtt://env-host:1883');
    expect(sut.filter).toBe('tcp');
    expect(sut.logLevel).toBe('debug');
    expect(sut.autostart).toBeFalse();
    expect(sut.agentId).toBe('web-01.example');
    expect(sut.explicit).toContain('interface');
    expect(sut.explicit).not.toContain('agentId');
  });

  it('prefers --config over NTA_AGENT_CONFIG and accepts --flag=value', () => {
    files['/tmp/other.json'] = JSON.stringify({ interface: 'other0' });

    const sut = load(['--config=/tmp/other.json'], { NTA_AGENT_CONFIG: '/etc/nta/agent.json' });

    expect(sut.interface).toBe('other0');
    expect(sut.filter).toBeNull();
  });

  it('names the flag, variable or file key of a bad value in one line', () => {
    expect(failure(['--console-url', 'http://x'])).toBe(
      'config: --console-url "http://x": expected mqtt://host:port',
    );
    expect(failure([], { NTA_AGENT_ID: 'a/b' })).toMatch(
      /^config: NTA_AGENT_ID "a\/b": expected 1-64/,
    );
    expect(failure([], { NTA_AUTOSTART: 'maybe' })).toMatch(/^config: NTA_AUTOSTART "maybe": /);
    files['/etc/nta/agent.json'] = JSON.stringify({ logLevel: 'loud' });
    expect(failure([], { NTA_AGENT_CONFIG: '/etc/nta/agent.json' })).toBe(
      'config: /etc/nta/agent.json: logLevel "loud": expected one of error, warn, info, debug',
    );
  });

  it('never echoes the password', () => {
    expect(failure(['--password='])).toBe('config: --password: must not be empty');
  });

  it('reports unreadable, non-JSON and unknown-key config files', () => {
    expect(failure(['--config', '/nope.json'])).toBe(
      'config: --config: cannot read /nope.json (ENOENT)',
    );
    files['/bad.json'] = '{ nope';
    expect(failure(['--config', '/bad.json'])).toMatch(/^config: \/bad\.json: not valid JSON/);
    files['/typo.json'] = '{ "consoleURL": "mqtt://x" }';
    expect(failure(['--config', '/typo.json'])).toMatch(
      /^config: \/typo\.json: unknown option "consoleURL"/,
    );
  });

  it('reads the capture backend, snap length, ring size and promiscuous mode', () => {
    files['/cap.json'] = JSON.stringify({ bufferMb: 64, captureBackend: 'cap', promisc: false });

    const fromFlags = load(['--backend', 'native', '--snaplen=1500', '--buffer-size', '8']);
    const fromEnv = load([], { NTA_CAPTURE_BACKEND: 'cap', NTA_PROMISC: 'no', NTA_SNAPLEN: '96' });
    const fromFile = load(['--config', '/cap.json', '--promisc']);

    expect(fromFlags).toEqual(
      jasmine.objectContaining({ bufferMb: 8, captureBackend: 'native', snapLength: 1500 }),
    );
    expect(fromEnv).toEqual(
      jasmine.objectContaining({ captureBackend: 'cap', promisc: false, snapLength: 96 }),
    );
    expect(fromFile).toEqual(
      jasmine.objectContaining({ bufferMb: 64, captureBackend: 'cap', promisc: true }),
    );
    expect(load(['--no-promisc']).promisc).toBeFalse();
    expect(failure(['--backend', 'pfring'])).toBe(
      'config: --backend "pfring": expected one of auto, native, cap',
    );
    expect(failure([], { NTA_SNAPLEN: '10' })).toMatch(
      /^config: NTA_SNAPLEN "10": expected a whole/,
    );
    expect(failure([], { NTA_BUFFER_MB: '0' })).toMatch(/^config: NTA_BUFFER_MB "0": /);
  });

  it('takes the capture file of analyze and its switches', () => {
    const sut = parseCliArgs(['analyze', '/tmp/x.pcap', '--json', '--publish']);

    expect(sut).toEqual(
      jasmine.objectContaining({
        command: 'analyze',
        file: '/tmp/x.pcap',
        json: true,
        publish: true,
      }),
    );
    expect(() => parseCliArgs(['analyze'])).toThrowError(/analyze needs a capture file/);
    expect(() => parseCliArgs(['analyze', 'a.pcap', 'b.pcap'])).toThrowError(/"b.pcap"/);
    expect(() => parseCliArgs(['watch', 'constructor'])).toThrowError(/"constructor"/);
  });

  it('skips "//" comment keys in the config file, as in infra/config/agent.sample.json', () => {
    files['/sample.json'] = readFileSync(
      join(__dirname, '../../../infra/config/agent.sample.json'),
      'utf8',
    );

    const sut = load(['--config', '/sample.json']);

    expect(sut).toEqual(
      jasmine.objectContaining({
        bufferMb: 8,
        captureBackend: 'auto',
        promisc: true,
        snapLength: 256,
      }),
    );
    expect(sut.explicit).toContain('captureBackend');
  });

  it('reads the outbox, ack and reconnect options and checks them', () => {
    const sut = load(['--outbox-max-mb', '64', '--outbox-window=8', '--reconnect-jitter', '0.5'], {
      NTA_ACK_TIMEOUT_SECONDS: '5',
      NTA_OUTBOX_FSYNC_MS: '0',
      NTA_RECONNECT_MIN_MS: '200',
    });

    expect(sut).toEqual(
      jasmine.objectContaining({
        ackTimeoutSeconds: 5,
        outboxFsyncMs: 0,
        outboxMaxMb: 64,
        outboxWindow: 8,
        reconnectJitter: 0.5,
        reconnectMinMs: 200,
      }),
    );
    expect(failure(['--outbox-max-mb', '0'])).toBe(
      'config: --outbox-max-mb "0": expected a whole number from 1 to 1048576',
    );
    expect(failure([], { NTA_RECONNECT_JITTER: '2' })).toBe(
      'config: NTA_RECONNECT_JITTER "2": expected a number from 0 to 1',
    );
    expect(failure(['--reconnect-min-ms', '5000', '--reconnect-max-ms', '1000'])).toMatch(
      /^config: reconnectMaxMs \(1000\) must not be below reconnectMinMs \(5000\)/,
    );
  });

  it('treats an empty filter as no filter', () => {
    expect(load(['--filter', '']).filter).toBeNull();
  });

  it('rejects unknown flags and stray arguments', () => {
    expect(() => parseCliArgs(['--nope'])).toThrowError('unknown option --nope (see --help)');
    expect(() => parseCliArgs(['run', 'extra'])).toThrowError(/unexpected argument "extra"/);
    expect(() => parseCliArgs(['--interface'])).toThrowError('option --interface needs a value');
  });
});

describe(sanitizeAgentId.name, () => {
  it('maps a hostname onto the agent id pattern', () => {
    expect(sanitizeAgentId('web 01.example')).toBe('web-01.example');
    expect(sanitizeAgentId('_x')).toBe('x');
    expect(sanitizeAgentId('a'.repeat(80))).toHaveSize(64);
    expect(sanitizeAgentId('***')).toBe('agent');
  });
});
