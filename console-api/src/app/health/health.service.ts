import { Injectable } from '@nestjs/common';
import type { HealthResponse } from '@nta/contracts';
import { BrokerService } from '../../infra/broker/broker.service';
import { DatabaseService } from '../../infra/database/database.service';

export const CONSOLE_VERSION = '0.1.0';

@Injectable()
export class HealthService {
  constructor(
    private readonly broker: BrokerService,
    private readonly database: DatabaseService,
  ) {}

  async check(): Promise<HealthResponse> {
    const database = (await this.database.ping()) ? 'up' : 'down';
    const broker = this.broker.isConnected ? 'up' : 'down';
    const status = database === 'up' && broker === 'up' ? 'ok' : 'degraded';
    return { broker, database, status, version: CONSOLE_VERSION };
  }
}
