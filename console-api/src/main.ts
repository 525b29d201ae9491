import { Logger } from '@nestjs/common';
import { ConfigError, loadConfigFromProcessEnv } from './infra/config/console-config';
import { StartupError } from './common/errors/startup.error';
import { type RunningConsole, startConsole } from './start-console';

export { startConsole };
export type { RunningConsole };

async function main(): Promise<void> {
  let running: RunningConsole;
  try {
    running = await startConsole(loadConfigFromProcessEnv());
  } catch (error) {
    // Expected failures (bad config, busy port) are one line, no stack trace.
    if (error instanceof ConfigError || error instanceof StartupError) {
      console.error(`nta-console: ${error.message}`);
    } else {
      console.error('nta-console: failed to start:', error);
    }
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Through Nest's logger, so these lines are JSON too when NTA_LOG_FORMAT=json.
    const logger = new Logger('Console');
    logger.log(`${signal} received, shutting down`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`error while shutting down: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void main();
