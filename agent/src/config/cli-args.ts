export const COMMANDS = ['run', 'watch', 'analyze', 'interfaces', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

// Flags taking a value, by flag name; `--flag value` and `--flag=value` both work.
export const VALUE_FLAGS = [
  '--ack-timeout',
  '--agent-id',
  '--backend',
  '--buffer-size',
  '--config',
  '--console-url',
  '--filter',
  '--flow-idle',
  '--interface',
  '--interval-ms',
  '--keepalive',
  '--log-level',
  '--max-flows',
  '--outbox-fsync-ms',
  '--outbox-max-mb',
  '--outbox-window',
  '--password',
  '--reconnect-jitter',
  '--reconnect-max-ms',
  '--reconnect-min-ms',
  '--reverse-dns-rate',
  '--samples',
  '--seconds',
  '--snaplen',
  '--state-dir',
  '--top-flows',
  '--top-talkers',
] as const;
export type ValueFlag = (typeof VALUE_FLAGS)[number];
export type BooleanFlag = '--no-autostart' | '--promisc' | '--reverse-dns';

// Switches that set a boolean option, and the value each sets.
const SWITCHES: Readonly<Record<string, [BooleanFlag, boolean]>> = {
  '--autostart': ['--no-autostart', true],
  '--no-autostart': ['--no-autostart', false],
  '--no-promisc': ['--promisc', false],
  '--promisc': ['--promisc', true],
  '--reverse-dns': ['--reverse-dns', true],
};

export interface CliArgs {
  booleans: Partial<Record<BooleanFlag, boolean>>;
  command: Command;
  // The capture file of `analyze`.
  file: string | null;
  json: boolean;
  // `analyze --publish`: send the file's reports to the console.
  publish: boolean;
  values: Partial<Record<ValueFlag, string>>;
}

export class CliError extends Error {}

export function isBooleanFlag(flag: string): flag is BooleanFlag {
  return flag === '--no-autostart' || flag === '--promisc' || flag === '--reverse-dns';
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    booleans: {},
    command: 'run',
    file: null,
    json: false,
    publish: false,
    values: {},
  };
  let commandSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') args.command = 'help';
    else if (arg === '--json') args.json = true;
    else if (arg === '--publish') args.publish = true;
    else if (Object.hasOwn(SWITCHES, arg)) {
      const [flag, value] = SWITCHES[arg];
      args.booleans[flag] = value;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (!isValueFlag(name)) throw new CliError(`unknown option ${name} (see --help)`);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new CliError(`option ${name} needs a value`);
      args.values[name] = value;
    } else if (!commandSeen && isCommand(arg)) {
      commandSeen = true;
      if (args.command !== 'help') args.command = arg;
    } else if (commandSeen && args.command === 'analyze' && args.file === null) {
      args.file = arg;
    } else {
      throw new CliError(`unexpected argument "${arg}" (commands: ${COMMANDS.join(', ')})`);
    }
  }
  if (args.command === 'analyze' && args.file === null) {
    throw new CliError('analyze needs a capture file: analyze FILE.pcap [--json] [--publish]');
  }
  return args;
}

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name);
}

function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}

export const USAGE = `nta-agent — captures traffic with libpcap and reports it to the console over MQTT.

Usage:
  node agent/dist/main.js [run] [options]      connect to the console and capture (default)
  node agent/dist/main.js watch [--json] [--seconds N] [--interface IF] [--filter BPF]
                                               capture without a console: one report per second
                                               on stdout (--json: the exact published payload)
  node agent/dist/main.js analyze FILE [--json] [--interval-ms MS] [--publish]
                                               summarise a .pcap/.pcapng file (--json: one report
                                               for the whole file); --publish sends its
                                               per-interval reports to the console as a host
                                               named after the file (--agent-id to choose);
                                               read by libpcap, or by the agent's own reader
                                               with --backend cap
  node agent/dist/main.js interfaces [--json]  print the capturable interfaces and exit
  node agent/dist/main.js enrol --console URL --token T [--config FILE]
                                               trade an enrolment token for this host's own
                                               MQTT login and write it into the config file
  node agent/dist/main.js --help

Options (flag > environment > config file > default):
  --config FILE        JSON config file            NTA_AGENT_CONFIG
  --console-url URL    mqtt://host:port            NTA_CONSOLE_URL    (mqtt://127.0.0.1:1883)
  --agent-id ID        1-64 of [A-Za-z0-9._-]      NTA_AGENT_ID       (hostname)
  --password SECRET    console agent secret        NTA_AGENT_PASSWORD
  --interface NAME     interface to capture        NTA_INTERFACE      (default-route interface)
  --filter BPF         libpcap filter expression   NTA_FILTER         (none)
  --no-autostart       connect but do not capture  NTA_AUTOSTART=false
  --state-dir DIR      last seq, interface, filter NTA_STATE_DIR      (~/.local/state/nta-agent,
                                                                       /var/lib/nta-agent as root)
  --log-level LEVEL    error|warn|info|debug       NTA_LOG_LEVEL      (info)

Capture:
  --backend NAME       auto|native|cap             NTA_CAPTURE_BACKEND (auto: native when built)
  --snaplen BYTES      bytes kept per packet       NTA_SNAPLEN        (256; native only, cap
                                                                       always keeps 65535)
  --buffer-size MIB    kernel ring per capture     NTA_BUFFER_MB      (8; cap: 32 unless set)
  --no-promisc         not promiscuous             NTA_PROMISC=false  (native only; cap is
                                                                       always promiscuous)

Delivery (reports wait on disk in <state-dir>/outbox until the console acks them):
  --outbox-max-mb MIB  disk cap of unacked reports NTA_OUTBOX_MAX_MB  (2048; oldest evicted)
  --outbox-fsync-ms MS fdatasync period            NTA_OUTBOX_FSYNC_MS (1000; 0: every report)
  --outbox-window N    backlog reports in flight   NTA_OUTBOX_WINDOW  (50)
  --ack-timeout SEC    resend unacked reports      NTA_ACK_TIMEOUT_SECONDS (15)
  --reconnect-min-ms MS first reconnect delay      NTA_RECONNECT_MIN_MS (1000; doubles)
  --reconnect-max-ms MS longest reconnect delay    NTA_RECONNECT_MAX_MS (15000)
  --reconnect-jitter F ± fraction of each delay    NTA_RECONNECT_JITTER (0.2)
  --keepalive SEC      MQTT keepalive              NTA_KEEPALIVE_SECONDS (30)

Analysis:
  --top-flows N        flows per report (1-500)    NTA_TOP_FLOWS      (50)
  --top-talkers N      local and remote talkers    NTA_TOP_TALKERS    (20)
  --samples N          packet samples per report   NTA_SAMPLES        (50)
  --max-flows N        flows tracked at once       NTA_MAX_FLOWS      (65536)
  --flow-idle SECONDS  forget flows idle this long NTA_FLOW_IDLE_SECONDS (60)
  --reverse-dns        PTR lookups for unnamed     NTA_REVERSE_DNS    (off)
                       talkers (cached, rate-limited)
  --reverse-dns-rate N lookups per second at most  NTA_REVERSE_DNS_RATE (10)

Capturing needs CAP_NET_RAW and CAP_NET_ADMIN:
  sudo setcap cap_net_raw,cap_net_admin=eip "$(readlink -f "$(command -v node)")"`;
