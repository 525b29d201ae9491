import { Injectable } from '@nestjs/common';
import type { CreatedEnrolmentToken, EnrolmentTokenSummary, Page, PageQuery } from '@nta/contracts';
import { randomUUID } from 'node:crypto';
import { DomainException } from '../../common/errors/domain.exception';
import { DatabaseService } from '../../infra/database/database.service';
import type { CreateEnrolmentTokenDto } from './dto/enrolment.dto';
import { toTokenSummary } from './enrolment-token-state';
import { EnrolmentTokenEntity } from './enrolment-token.entity';
import { generateTokenSecret, hashTokenSecret } from './token-secret';

@Injectable()
export class EnrolmentTokensService {
  constructor(private readonly database: DatabaseService) {}

  /** The secret exists only in this answer; the database keeps its sha256. */
  async create(
    request: CreateEnrolmentTokenDto,
    createdBy: string,
    consoleUrl: string,
  ): Promise<CreatedEnrolmentToken> {
    const token = generateTokenSecret();
    const now = new Date();
    const row = this.repository.create({
      createdAt: now,
      createdBy,
      expiresAt:
        request.expiresInSeconds === null
          ? null
          : new Date(now.getTime() + request.expiresInSeconds * 1000),
      id: randomUUID(),
      maxUses: request.maxUses,
      name: request.name,
      revokedAt: null,
      tokenHash: hashTokenSecret(token),
      uses: 0,
    });
    await this.repository.insert(row);
    return {
      ...toTokenSummary(row, now.getTime()),
      installCommand: installCommand(consoleUrl, token),
      token,
    };
  }

  async list({ limit, offset }: PageQuery): Promise<Page<EnrolmentTokenSummary>> {
    const [rows, total] = await this.repository.findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    const now = Date.now();
    return { items: rows.map((r) => toTokenSummary(r, now)), limit, offset, total };
  }

  async revoke(id: string): Promise<EnrolmentTokenSummary> {
    const row = await this.repository.findOneBy({ id });
    if (!row) throw new DomainException('NOT_FOUND', `enrolment token "${id}" does not exist`);
    row.revokedAt ??= new Date();
    await this.repository.save(row);
    return toTokenSummary(row, Date.now());
  }

  private get repository() {
    return this.database.repository(EnrolmentTokenEntity);
  }
}

export function installCommand(consoleUrl: string, token: string): string {
  return `curl -fsSL ${consoleUrl}/api/install.sh | sudo NTA_TOKEN=${token} sh`;
}
