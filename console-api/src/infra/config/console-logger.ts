import { ConsoleLogger } from '@nestjs/common';
import type { LogLevel } from './console-config';

// Nest's own boot chatter (one line per module and route); kept for debug/verbose only.
export const FRAMEWORK_CONTEXTS = new Set([
  'InstanceLoader',
  'NestApplication',
  'NestFactory',
  'RouterExplorer',
  'RoutesResolver',
  'WebSocketsController',
]);

/** Nest's console logger at NTA_LOG_LEVEL, minus the framework's start-up inventory. */
export class ConsoleAppLogger extends ConsoleLogger {
  private readonly quietFramework: boolean;

  constructor(level: LogLevel) {
    const levels = (['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const).slice(
      0,
      ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'].indexOf(level) + 1,
    );
    super({ logLevels: [...levels] });
    this.quietFramework = level !== 'debug' && level !== 'verbose';
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (this.quietFramework && typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) {
      return;
    }
    super.log(message, ...rest);
  }
}
