import { DynamicModule, Global, Module } from '@nestjs/common';
import { CONSOLE_CONFIG } from './config.token';
import type { ConsoleConfig } from './console-config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: ConsoleConfig): DynamicModule {
    return {
      exports: [CONSOLE_CONFIG],
      module: ConfigModule,
      providers: [{ provide: CONSOLE_CONFIG, useValue: config }],
    };
  }
}
