import { AGENT_ID_PATTERN } from '@nta/contracts';
import { hostname as osHostname } from 'node:os';
import { readConfigObject, writeConfigObject } from './config-file';
import { requestCredentials } from './enrol-client';
import { ENROL_USAGE, parseEnrolArgs } from './enrol-args';

export interface EnrolDeps {
  env: NodeJS.ProcessEnv;
  err: (line: string) => void;
  fetch?: typeof fetch;
  hostname?: string;
  out: (line: string) => void;
}

/** `nta-agent enrol`: token → per-agent credentials in the config file. Returns the exit code. */
export async function runEnrol(argv: readonly string[], deps: EnrolDeps): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    deps.out(ENROL_USAGE);
    return 0;
  }
  try {
    const args = parseEnrolArgs(argv, deps.env);
    const existing = readConfigObject(args.configPath);
    // A re-installed host keeps its identity: its id goes back as the preferred one.
    const previousId = typeof existing.agentId === 'string' ? existing.agentId : undefined;
    const enrolled = await requestCredentials(
      args.consoleUrl,
      {
        hostname: deps.hostname ?? osHostname(),
        ...(previousId && AGENT_ID_PATTERN.test(previousId)
          ? { preferredAgentId: previousId }
          : {}),
        token: args.token,
      },
      deps.fetch,
    );
    // The agent logs in with its id as MQTT username (see publish/mqtt-session.ts).
    if (enrolled.mqtt.username !== enrolled.agentId) {
      throw new Error(
        `the console gave username "${enrolled.mqtt.username}" for agent "${enrolled.agentId}"`,
      );
    }
    writeConfigObject(args.configPath, {
      ...existing,
      agentId: enrolled.agentId,
      consoleUrl: enrolled.mqtt.url,
      ...(args.interface !== null ? { interface: args.interface } : {}),
      password: enrolled.mqtt.password,
      ...(args.stateDir !== null ? { stateDir: args.stateDir } : {}),
    });
    deps.out(
      `nta-agent: enrolled as "${enrolled.agentId}" (broker ${enrolled.mqtt.url}); credentials written to ${args.configPath}`,
    );
    return 0;
  } catch (e) {
    deps.err(`nta-agent: ${(e as Error).message}`);
    return 1;
  }
}
