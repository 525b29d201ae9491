import { compare, getRounds, hash } from 'bcryptjs';

// Cost 12: about 0.3 s per hash on one core here — slow for offline guessing of a leaked hash,
// still fine for a person logging in (and login attempts are rate limited besides).
export const BCRYPT_ROUNDS = 12;
// Compared against when the user does not exist, so timing does not reveal valid usernames.
const DUMMY_HASH = '$2b$12$QeSazAjor93g6ts/QSWfr.njdmGn/lw4UUysIe1C8AomimyZwbfDy';

export function hashPassword(password: string): Promise<string> {
  return hash(password, BCRYPT_ROUNDS);
}

export function verifyPassword(
  password: string,
  passwordHash: string | undefined,
): Promise<boolean> {
  return compare(password, passwordHash ?? DUMMY_HASH);
}

// Hashes made at a lower cost (cost 10 before this version) stay valid and are upgraded at login.
export function needsRehash(passwordHash: string): boolean {
  return getRounds(passwordHash) < BCRYPT_ROUNDS;
}
