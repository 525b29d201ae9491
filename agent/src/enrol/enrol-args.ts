export interface EnrolArgs {
  configPath: string;
  consoleUrl: string;
  interface: string | null;
  stateDir: string | null;
  token: string;
}

export class EnrolUsageError extends Error {}

export const ENROL_USAGE = `Usage: nta-agent enrol --console URL [--token TOKEN] [--config FILE]
                         [--interface NAME] [--state-dir DIR]

Exchanges an enrolment token (from the console's admin) for this host's own MQTT credentials and
writes agent id, broker URL and password into the agent's JSON config file (mode 0600), keeping
its other options. Re-enrolling keeps the agent id and rotates the password.

  --console URL      the console, e.g. http://console:8080
  --token TOKEN      the enrolment token (or NTA_TOKEN, which keeps it out of ps)
  --config FILE      config file to write (default /etc/nta-agent/agent.json)
  --interface NAME   also set the capture interface
  --state-dir DIR    also set the state directory`;

const FLAGS = ['--config', '--console', '--interface', '--state-dir', '--token'] as const;
type Flag = (typeof FLAGS)[number];

export function parseEnrolArgs(argv: readonly string[], env: NodeJS.ProcessEnv): EnrolArgs {
  const values: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(FLAGS as readonly string[]).includes(name)) {
      throw new EnrolUsageError(`enrol: unknown argument "${arg}"`);
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '')
      throw new EnrolUsageError(`enrol: ${name} needs a value`);
    values[name as Flag] = value;
  }
  const consoleUrl = values['--console'];
  if (consoleUrl === undefined) throw new EnrolUsageError('enrol: --console URL is required');
  if (!/^https?:\/\/[^/]+\/?$/.test(consoleUrl)) {
    throw new EnrolUsageError(`enrol: --console "${consoleUrl}": expected http(s)://host:port`);
  }
  const token = values['--token'] ?? env.NTA_TOKEN;
  if (token === undefined || token === '') {
    throw new EnrolUsageError('enrol: the enrolment token is required (--token or NTA_TOKEN)');
  }
  return {
    configPath: values['--config'] ?? '/etc/nta-agent/agent.json',
    consoleUrl: consoleUrl.replace(/\/$/, ''),
    interface: values['--interface'] ?? null,
    stateDir: values['--state-dir'] ?? null,
    token,
  };
}
