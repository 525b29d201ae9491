import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/console-config';
import { FRAMEWORK_CONTEXTS } from '../config/console-logger';
import { REQUEST_CONTEXT } from './request-context';

const PINO_LEVEL: Record<LogLevel, pino.Level> = {
  debug: 'debug',
  error: 'error',
  log: 'info',
  verbose: 'trace',
  warn: 'warn',
};

/** Nest's logger as one JSON object per line (pino): level, time, context, msg, reqId. */
export class PinoLogger implements LoggerService {
  private readonly pino: Logger;
  private readonly quietFramework: boolean;

  // process.stdout (synchronous for files and pipes): lines stay in order with other output.
  constructor(level: LogLevel, destination: DestinationStream = process.stdout) {
    this.pino = pino(
      {
        base: { pid: process.pid },
        level: PINO_LEVEL[level],
        mixin: () => {
          const ctx = REQUEST_CONTEXT.getStore();
          return ctx ? { reqId: ctx.requestId } : {};
        },
      },
      destination,
    );
    this.quietFramework = level !== 'debug' && level !== 'verbose';
  }

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (this.quietFramework && typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) {
      return;
    }
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack, context) for errors.
    const stack = rest.length >= 2 && typeof rest[0] === 'string' ? rest[0] : undefined;
    this.write('error', message, rest, stack);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[], stack?: string): void {
    const last = rest.at(-1);
    const context = typeof last === 'string' ? last : undefined;
    if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      // Structured lines (e.g. the request log) keep their fields; `msg` becomes the message.
      const { msg, ...fields } = message as Record<string, unknown>;
      this.pino[level]({ context, ...fields, stack }, typeof msg === 'string' ? msg : '');
    } else {
      this.pino[level]({ context, stack }, String(message));
    }
  }
}
