export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(message: string): void;
  error(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

type LineSink = (line: string) => void;

// Logs go to stderr so `interfaces --json` keeps stdout machine-readable.
export function createLogger(level: LogLevel, sink: LineSink = writeStderr): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (lvl: LogLevel) => (message: string) => {
    if (LOG_LEVELS.indexOf(lvl) <= threshold) {
      sink(`${new Date().toISOString()} ${lvl.padEnd(5)} ${message}`);
    }
  };
  return { debug: at('debug'), error: at('error'), info: at('info'), warn: at('warn') };
}

function writeStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
