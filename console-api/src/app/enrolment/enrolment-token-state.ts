import type { EnrolmentTokenSummary } from '@nta/contracts';
import type { EnrolmentTokenEntity } from './enrolment-token.entity';

/** Why a token cannot enrol a host now, or 'active'. Revoked wins over expired over used up. */
export function tokenState(row: EnrolmentTokenEntity, now: number): EnrolmentTokenSummary['state'] {
  if (row.revokedAt !== null) return 'revoked';
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now) return 'expired';
  if (row.maxUses !== null && row.uses >= row.maxUses) return 'used-up';
  return 'active';
}

export function toTokenSummary(row: EnrolmentTokenEntity, now: number): EnrolmentTokenSummary {
  return {
    createdAt: row.createdAt.getTime(),
    createdBy: row.createdBy,
    expiresAt: row.expiresAt ? row.expiresAt.getTime() : null,
    id: row.id,
    maxUses: row.maxUses,
    name: row.name,
    revokedAt: row.revokedAt ? row.revokedAt.getTime() : null,
    state: tokenState(row, now),
    uses: row.uses,
  };
}
