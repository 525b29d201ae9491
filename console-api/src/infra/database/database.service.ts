import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import { CONSOLE_CONFIG } from '../config/config.token';
import { type ConsoleConfig, redactDatabaseUrl } from '../config/console-config';
import { dataSourceOptions } from './data-source-options';
import { describePgError } from './describe-pg-error';

const RETRY_MS = 2000;
const PING_TIMEOUT_MS = 1500;

type ReadyHook = (dataSource: DataSource) => Promise<void>;

/**
 * Owns the TypeORM DataSource. Boot never waits for Postgres: the first failure is logged as
 * one line and the connection is retried every 2 s while the rest of the console runs.
 */
@Injectable()
export class DatabaseService implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private readonly hooks: ReadyHook[] = [];
  private readonly where: string;
  private dataSource: DataSource | null = null;
  private firstAttempt: Promise<boolean> | null = null;
  private lastFailure: string | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {
    this.where = redactDatabaseUrl(config.databaseUrl);
  }

  get isReady(): boolean {
    return this.dataSource !== null;
  }

  /** The live DataSource, or a 503 DomainException while Postgres is down. */
  get source(): DataSource {
    if (!this.dataSource) throw DomainException.unavailable('the database');
    return this.dataSource;
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.source.getRepository(entity);
  }

  /** Runs after migrations on every (re)connection, before the database counts as ready. */
  onReady(hook: ReadyHook): void {
    this.hooks.push(hook);
  }

  /** Starts connecting; resolves after the first attempt with whether it succeeded. */
  start(): Promise<boolean> {
    this.firstAttempt ??= this.attempt();
    return this.firstAttempt;
  }

  async ping(): Promise<boolean> {
    const ds = this.dataSource;
    if (!ds) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    const query = ds.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const up = await Promise.race([query, timeout]);
    clearTimeout(timer);
    return up;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const ds = this.dataSource;
    this.dataSource = null;
    if (ds?.isInitialized) await ds.destroy();
  }

  private async attempt(): Promise<boolean> {
    const ds = new DataSource(dataSourceOptions(this.config.databaseUrl));
    try {
      await ds.initialize();
      // Ready before the hooks run, so a hook (e.g. ingest subscribing) can already use it.
      this.dataSource = ds;
      for (const hook of this.hooks) await hook(ds);
    } catch (error) {
      this.dataSource = null;
      if (ds.isInitialized) await ds.destroy().catch(() => undefined);
      const line = describePgError(error, this.where);
      // One line per distinct reason, not one per retry.
      if (line !== this.lastFailure)
        this.logger.error(`${line} (retrying every ${RETRY_MS / 1000} s)`);
      this.lastFailure = line;
      this.scheduleRetry();
      return false;
    }
    if (this.stopped) {
      this.dataSource = null;
      await ds.destroy();
      return false;
    }
    this.logger.log(`connected to Postgres at ${this.where}`);
    return true;
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.attempt(), RETRY_MS);
  }
}
