import { createHash, randomBytes } from 'node:crypto';

// The prefix makes a leaked token easy to recognise (and grep for) in logs and shell history.
const PREFIX = 'nta_et_';

export function generateTokenSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Plain sha256 is enough here: the secret has 256 random bits, so there is nothing to brute
 * force, and an unsalted hash lets enrolment find the row with one indexed lookup.
 */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
