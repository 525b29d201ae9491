import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { AddressInfo, Server } from 'node:net';
import { AppModule } from './app.module';
import { MetricsService } from './app/metrics/metrics.service';
import { StartupError } from './common/errors/startup.error';
import { BrokerService } from './infra/broker/broker.service';
import type { ConsoleConfig } from './infra/config/console-config';
import { ConsoleAppLogger } from './infra/config/console-logger';
import { DatabaseService } from './infra/database/database.service';
import { PinoLogger } from './infra/logging/pino-logger';
import { requestId } from './infra/logging/request-id.middleware';
import { setupOpenApi } from './infra/openapi/setup-openapi';
import { hasWebBuild, spaFallback } from './infra/web/spa-fallback.middleware';

export interface RunningConsole {
  /** The embedded broker's bound port; null in external mode. */
  brokerPort: number | null;
  httpPort: number;
  close(): Promise<void>;
}

/** Boots the whole console (HTTP, socket.io, broker, database) and reports the bound ports. */
export async function startConsole(config: ConsoleConfig): Promise<RunningConsole> {
  const logger = new Logger('Console');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    abortOnError: false,
    logger:
      config.logFormat === 'json'
        ? new PinoLogger(config.logLevel)
        : new ConsoleAppLogger(config.logLevel),
  });
  try {
    // JSON logs are for machines, so every request gets its line; pretty logs keep them at debug.
    app.use(requestId(new Logger('Http'), config.logFormat === 'json'));
    app.use(app.get(MetricsService).http.middleware());
    app.useWebSocketAdapter(new IoAdapter(app));
    serveWeb(app, config.webDir, logger);
    setupOpenApi(app);
    await app.init();
    await app.get(DatabaseService).start();
    const httpPort = await listen(app.getHttpServer(), config);
    const broker = app.get(BrokerService);
    const host = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
    logger.log(`console listening on http://${host}:${httpPort} (REST /api, socket.io /ws)`);
    logger.log(`MQTT broker (${config.broker.mode}) at ${broker.address}`);
    let closing: Promise<void> | null = null;
    return {
      brokerPort: broker.port,
      close: () => (closing ??= app.close()),
      httpPort,
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

function serveWeb(app: NestExpressApplication, webDir: string, logger: Logger): void {
  if (!hasWebBuild(webDir)) {
    logger.log(`no web build in ${webDir} (NTA_WEB_DIR): serving the API only`);
    return;
  }
  app.useStaticAssets(webDir, { fallthrough: true, index: false });
  app.use(spaFallback(webDir));
  logger.log(`serving the web console from ${webDir}`);
}

function listen(server: Server, config: ConsoleConfig): Promise<number> {
  const { host, port } = config.http;
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `HTTP port ${port} is already in use (NTA_HTTP_PORT) — stop the other process or choose another port`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new StartupError(
            `HTTP port ${port} needs privileges (NTA_HTTP_PORT) — choose a port above 1023`,
          ),
        );
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
