import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import { BrokerService } from '../../infra/broker/broker.service';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';

const AGENT_SECRET_KEY = 'agent_secret';
const JWT_SECRET_KEY = 'jwt_secret';

/** Key/value settings, and the secrets generated on first start when the env leaves them unset. */
@Injectable()
export class SettingsService implements OnModuleInit {
  private readonly logger = new Logger('Settings');
  private jwtSecretValue: string | null;

  constructor(
    private readonly broker: BrokerService,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly database: DatabaseService,
  ) {
    this.jwtSecretValue = config.jwtSecret;
  }

  /** The JWT signing secret, or a 503 while a generated one still sits in an unreachable DB. */
  get jwtSecret(): string {
    if (this.jwtSecretValue === null) throw DomainException.unavailable('authentication');
    return this.jwtSecretValue;
  }

  onModuleInit(): void {
    this.database.onReady((ds) => this.loadSecrets(ds));
  }

  /** Returns the stored value, creating it first if absent; concurrent consoles agree on one. */
  async ensure(
    ds: DataSource,
    key: string,
    generate: () => string,
  ): Promise<{ created: boolean; value: string }> {
    const inserted = await ds.query<{ value: string }[]>(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value',
      [key, generate()],
    );
    if (inserted.length) return { created: true, value: inserted[0].value };
    const rows = await ds.query<{ value: string }[]>('SELECT value FROM settings WHERE key = $1', [
      key,
    ]);
    return { created: false, value: rows[0].value };
  }

  private async loadSecrets(ds: DataSource): Promise<void> {
    if (this.config.agentSecret === null) {
      const agent = await this.ensure(ds, AGENT_SECRET_KEY, () =>
        randomBytes(18).toString('base64url'),
      );
      if (agent.created) {
        this.logger.warn(
          `generated the agents' MQTT password (NTA_AGENT_SECRET was unset): ${agent.value} — give it to every agent; it is kept in the settings table`,
        );
      }
      this.broker.useAgentSecret(agent.value);
    }
    if (this.jwtSecretValue === null) {
      const jwt = await this.ensure(ds, JWT_SECRET_KEY, () =>
        randomBytes(32).toString('base64url'),
      );
      this.jwtSecretValue = jwt.value;
    }
  }
}
