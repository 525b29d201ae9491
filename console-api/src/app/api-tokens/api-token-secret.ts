import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'nta_';
// `nta_` + 8 characters: enough to tell tokens apart in a list, far too little to guess the rest.
const SHOWN_CHARS = API_TOKEN_PREFIX.length + 8;

export interface NewApiTokenSecret {
  hash: string;
  prefix: string;
  token: string;
}

/** 32 random bytes (256 bits) behind a recognisable prefix that secret scanners can match. */
export function newApiTokenSecret(): NewApiTokenSecret {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { hash: hashApiToken(token), prefix: token.slice(0, SHOWN_CHARS), token };
}

export function isApiToken(bearer: string): boolean {
  return bearer.startsWith(API_TOKEN_PREFIX);
}

// SHA-256, not bcrypt: a 256-bit random secret cannot be brute-forced even with a fast hash,
// and the lookup runs on every request (a unique index on the hash, no per-request KDF cost).
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
