import { CaptureError } from '../capture/capture-error';
import { createLogger } from '../common/logger';
import type { AgentConfig } from '../config/agent-config';
import { type CliArgs, CliError } from '../config/cli-args';
import { WatchRuntime } from '../runtime/watch-runtime';

const MAX_SECONDS = 31 * 24 * 3600;

export function parseSeconds(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SECONDS) {
    throw new CliError(
      `--seconds ${JSON.stringify(text)}: expected a whole number from 1 to ${MAX_SECONDS}`,
    );
  }
  return n;
}

/**
 * `watch`: prints one report per second until --seconds reports or Ctrl-C. Exit codes: 0 done,
 * 1 capture failed (e.g. a missing capability, named with the fix), 2 bad arguments.
 */
export function runWatch(cli: CliArgs, config: AgentConfig): void {
  let seconds: number | null;
  try {
    seconds = parseSeconds(cli.values['--seconds']);
  } catch (e) {
    process.stderr.write(`nta-agent: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  // Keep stderr quiet unless asked: stdout is the product here.
  const log = createLogger(config.explicit.includes('logLevel') ? config.logLevel : 'warn');
  const watch = new WatchRuntime(config, log, {
    json: cli.json,
    seconds,
    write: (line) => process.stdout.write(`${line}\n`),
  });
  const exit = (code: number) => process.stdout.write('', () => process.exit(code));
  process.on('SIGINT', () => {
    watch.stop();
    exit(0);
  });
  process.on('SIGTERM', () => {
    watch.stop();
    exit(0);
  });
  let done: Promise<void>;
  try {
    done = watch.run();
  } catch (e) {
    if (!(e instanceof CaptureError)) throw e;
    process.stderr.write(`nta-agent: ${e.message}\n`);
    process.exitCode = 1;
    return;
  }
  void done.then(() => exit(0));
}
