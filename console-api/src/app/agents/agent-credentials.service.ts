import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EnrolledAgent, Page, PageQuery } from '@nta/contracts';
import { createHash, timingSafeEqual } from 'node:crypto';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import { BrokerService } from '../../infra/broker/broker.service';
import type { AgentAuthResult } from '../../infra/broker/embedded-broker';
import { DatabaseService } from '../../infra/database/database.service';
import { AgentCredentialEntity } from './agent-credential.entity';
import { verifyAgentPassword } from './password-hash';

interface CredentialState {
  hash: string;
  revoked: boolean;
  // sha256 of the last password that verified, so a reconnect storm costs no PBKDF2.
  verified: Buffer | null;
}

interface AgentRow {
  agent_id: string;
  enrolled_at: Date;
  hostname: string;
  last_seen: Date | null;
  online: boolean | null;
  revoked_at: Date | null;
  token_id: string | null;
}

/**
 * Per-agent MQTT credentials: the broker asks here on every agent CONNECT. All rows are cached in
 * memory (one console process owns the broker), refreshed on every change made through here.
 */
const AGENT_SELECT = `SELECT c.agent_id, c.enrolled_at, c.hostname, c.revoked_at, c.token_id,
    h.last_seen, h.online
  FROM agent_credentials c LEFT JOIN hosts h ON h.id = c.agent_id`;

@Injectable()
export class AgentCredentialsService implements OnModuleInit {
  private credentials: Map<string, CredentialState> | null = null;

  constructor(
    private readonly broker: BrokerService,
    private readonly database: DatabaseService,
  ) {}

  onModuleInit(): void {
    this.broker.useAgentAuthenticator((id, password) => this.authenticate(id, password));
    this.database.onReady((ds) => this.load(ds));
  }

  async authenticate(agentId: string, password: string): Promise<AgentAuthResult> {
    if (this.credentials === null) return 'unavailable';
    const state = this.credentials.get(agentId);
    if (!state) return 'not-enrolled';
    if (state.revoked) return 'rejected';
    const digest = createHash('sha256').update(password).digest();
    if (state.verified && timingSafeEqual(state.verified, digest)) return 'accepted';
    const ok = await verifyAgentPassword(password, state.hash);
    // Re-read: a revoke or rotation may have landed while the hash was computed.
    const now = this.credentials.get(agentId);
    if (!ok || now !== state || now.revoked) return 'rejected';
    state.verified = digest;
    return 'accepted';
  }

  /** Inserts or rotates an agent's credentials inside the caller's transaction. */
  async save(manager: EntityManager, row: AgentCredentialEntity): Promise<void> {
    await manager.getRepository(AgentCredentialEntity).save(row);
  }

  /** After the enrolment committed: the new hash counts, old sessions go. */
  remember(agentId: string, hash: string): void {
    this.credentials?.set(agentId, { hash, revoked: false, verified: null });
    this.broker.disconnectAgent(agentId);
  }

  async find(manager: EntityManager, agentId: string): Promise<AgentCredentialEntity | null> {
    return manager.getRepository(AgentCredentialEntity).findOneBy({ agentId });
  }

  async list({ limit, offset }: PageQuery): Promise<Page<EnrolledAgent>> {
    const rows = await this.database.source.query<AgentRow[]>(
      `${AGENT_SELECT} ORDER BY c.agent_id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [count] = await this.database.source.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM agent_credentials',
    );
    const items = rows.map((r) => this.toEnrolledAgent(r));
    return { items, limit, offset, total: Number(count.n) };
  }

  async revoke(agentId: string): Promise<EnrolledAgent> {
    const repo = this.database.repository(AgentCredentialEntity);
    const row = await repo.findOneBy({ agentId });
    if (!row) throw new DomainException('NOT_FOUND', `agent "${agentId}" is not enrolled`);
    row.revokedAt ??= new Date();
    await repo.save(row);
    const state = this.credentials?.get(agentId);
    if (state) state.revoked = true;
    else this.credentials?.set(agentId, { hash: row.passwordHash, revoked: true, verified: null });
    this.broker.disconnectAgent(agentId);
    const [revoked] = await this.database.source.query<AgentRow[]>(
      `${AGENT_SELECT} WHERE c.agent_id = $1`,
      [agentId],
    );
    return this.toEnrolledAgent(revoked);
  }

  /** `agent:hash` lines for mosquitto's password_file (hashes are in its $7$ format). */
  async mosquittoPasswordFile(): Promise<string> {
    const rows = await this.database
      .repository(AgentCredentialEntity)
      .find({ order: { agentId: 'ASC' }, where: { revokedAt: IsNull() } });
    return rows.map((r) => `${r.agentId}:${r.passwordHash}\n`).join('');
  }

  private async load(ds: DataSource): Promise<void> {
    const rows = await ds.getRepository(AgentCredentialEntity).find();
    this.credentials = new Map(
      rows.map((r) => [
        r.agentId,
        { hash: r.passwordHash, revoked: r.revokedAt !== null, verified: null },
      ]),
    );
  }

  private toEnrolledAgent(r: AgentRow): EnrolledAgent {
    const online =
      this.broker.port !== null ? this.broker.isAgentConnected(r.agent_id) : (r.online ?? false);
    return {
      agentId: r.agent_id,
      enrolledAt: r.enrolled_at.getTime(),
      hostname: r.hostname,
      lastSeen: r.last_seen ? r.last_seen.getTime() : null,
      online: online && r.revoked_at === null,
      revokedAt: r.revoked_at ? r.revoked_at.getTime() : null,
      tokenId: r.token_id,
    };
  }
}
