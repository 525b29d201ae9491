import { tokenState, toTokenSummary } from './enrolment-token-state';
import { EnrolmentTokenEntity } from './enrolment-token.entity';

const NOW = Date.UTC(2026, 0, 1);

function token(patch: Partial<EnrolmentTokenEntity> = {}): EnrolmentTokenEntity {
  return Object.assign(new EnrolmentTokenEntity(), {
    createdAt: new Date(NOW - 1000),
    createdBy: 'admin',
    expiresAt: new Date(NOW + 60_000),
    id: '00000000-0000-4000-8000-000000000001',
    maxUses: 2,
    name: 'rack 4',
    revokedAt: null,
    tokenHash: 'a'.repeat(64),
    uses: 1,
    ...patch,
  });
}

describe(tokenState.name, () => {
  it('is active while unexpired, unrevoked and under its use limit', () => {
    expect(tokenState(token(), NOW)).toBe('active');
    expect(tokenState(token({ expiresAt: null, maxUses: null, uses: 999 }), NOW)).toBe('active');
  });

  it('expires at expiresAt exactly', () => {
    expect(tokenState(token({ expiresAt: new Date(NOW) }), NOW)).toBe('expired');
  });

  it('is used up at maxUses', () => {
    expect(tokenState(token({ uses: 2 }), NOW)).toBe('used-up');
  });

  it('says revoked before anything else', () => {
    expect(
      tokenState(token({ expiresAt: new Date(0), revokedAt: new Date(NOW), uses: 2 }), NOW),
    ).toBe('revoked');
  });
});

describe(toTokenSummary.name, () => {
  it('never carries the hash', () => {
    const sut = toTokenSummary(token(), NOW);
    expect(JSON.stringify(sut)).not.toContain('a'.repeat(64));
    expect(sut).toEqual(
      jasmine.objectContaining({ expiresAt: NOW + 60_000, state: 'active', uses: 1 }),
    );
  });
});
