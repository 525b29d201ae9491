import { Inject, Injectable } from '@nestjs/common';
import { AGENT_ID_PATTERN, type EnrolRequest, type EnrolResponse } from '@nta/contracts';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import { agentMqttUrl, publicConsoleUrl, type RequestOrigin } from '../../common/http/console-urls';
import { BrokerService } from '../../infra/broker/broker.service';
import { CONSOLE_CONFIG } from '../../infra/config/config.token';
import type { ConsoleConfig } from '../../infra/config/console-config';
import { DatabaseService } from '../../infra/database/database.service';
import { AgentCredentialsService } from '../agents/agent-credentials.service';
import { generateAgentPassword, hashAgentPassword } from '../agents/password-hash';
import { agentIdFromHostname } from './agent-id';
import { tokenState } from './enrolment-token-state';
import { EnrolmentTokenEntity } from './enrolment-token.entity';
import { FailureRateLimiter } from './failure-rate-limiter';
import { hashTokenSecret } from './token-secret';

const FAILURES_PER_WINDOW = 10;
const FAILURE_WINDOW_MS = 15 * 60_000;

/** Exchanges an enrolment token for per-agent MQTT credentials. */
@Injectable()
export class EnrolmentService {
  private readonly limiter = new FailureRateLimiter(FAILURES_PER_WINDOW, FAILURE_WINDOW_MS);

  constructor(
    private readonly broker: BrokerService,
    @Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig,
    private readonly credentials: AgentCredentialsService,
    private readonly database: DatabaseService,
  ) {}

  consoleUrl(req: RequestOrigin): string {
    return publicConsoleUrl(this.config, req);
  }

  async enrol(request: EnrolRequest, origin: RequestOrigin): Promise<EnrolResponse> {
    const address = origin.ip ?? 'unknown';
    this.limiter.check(address);
    try {
      return await this.exchange(request, origin);
    } catch (error) {
      if (error instanceof DomainException && error.code === 'UNAUTHORIZED')
        this.limiter.fail(address);
      throw error;
    }
  }

  /** Throws UNAUTHORIZED unless the token may enrol a host right now. */
  async checkToken(secret: string, origin: RequestOrigin): Promise<void> {
    const address = origin.ip ?? 'unknown';
    this.limiter.check(address);
    const row = await this.database
      .repository(EnrolmentTokenEntity)
      .findOneBy({ tokenHash: hashTokenSecret(secret) });
    try {
      usableToken(row);
    } catch (error) {
      this.limiter.fail(address);
      throw error;
    }
  }

  private async exchange(request: EnrolRequest, origin: RequestOrigin): Promise<EnrolResponse> {
    if (
      request.preferredAgentId !== undefined &&
      !AGENT_ID_PATTERN.test(request.preferredAgentId)
    ) {
      throw new DomainException(
        'BAD_REQUEST',
        `body.preferredAgentId: "${request.preferredAgentId}" is not a valid agent id (1-64 of A-Z a-z 0-9 . _ -)`,
      );
    }
    const password = generateAgentPassword();
    // Hashed before the transaction, so the token row stays locked only for the writes.
    const passwordHash = await hashAgentPassword(password);
    const agentId = await this.database.source.transaction(async (manager) => {
      const token = usableToken(
        await manager.getRepository(EnrolmentTokenEntity).findOne({
          lock: { mode: 'pessimistic_write' },
          where: { tokenHash: hashTokenSecret(request.token) },
        }),
      );
      const id = await this.chooseAgentId(manager, request);
      const existing = await this.credentials.find(manager, id);
      token.uses += 1;
      await manager.getRepository(EnrolmentTokenEntity).save(token);
      await this.credentials.save(manager, {
        agentId: id,
        enrolledAt: existing?.enrolledAt ?? new Date(),
        hostname: request.hostname,
        passwordHash,
        revokedAt: null,
        tokenId: token.id,
      });
      return id;
    });
    // Committed: the new password counts now and any session on the old one is dropped.
    this.credentials.remember(agentId, passwordHash);
    const url = agentMqttUrl(this.config, this.consoleUrl(origin), this.broker.port);
    return { agentId, mqtt: { password, url, username: agentId } };
  }

  // A re-installed host keeps its id (its password rotates); a new host with a taken name gets
  // a suffix rather than silently taking over another host's identity.
  private async chooseAgentId(manager: EntityManager, request: EnrolRequest): Promise<string> {
    if (request.preferredAgentId !== undefined) return request.preferredAgentId;
    const base = agentIdFromHostname(request.hostname);
    if (!(await this.credentials.find(manager, base))) return base;
    return `${base.slice(0, 55)}-${randomBytes(4).toString('hex')}`;
  }
}

function usableToken(row: EnrolmentTokenEntity | null): EnrolmentTokenEntity {
  if (!row) throw new DomainException('UNAUTHORIZED', 'unknown enrolment token');
  const state = tokenState(row, Date.now());
  if (state !== 'active') {
    throw new DomainException('UNAUTHORIZED', `enrolment token "${row.name}" is ${state}`);
  }
  return row;
}
