import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

// Mosquitto's own "$7$" format (PBKDF2-SHA512), so the same hashes can feed an external
// mosquitto password_file; pbkdf2 runs on libuv's pool and does not block the event loop.
const PREFIX = '$7$';
const ITERATIONS = 20_000;
const KEY_BYTES = 64;
const SALT_BYTES = 12;
const derive = promisify(pbkdf2);

export async function hashAgentPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, ITERATIONS, KEY_BYTES, 'sha512');
  return `${PREFIX}${ITERATIONS}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong password and for a hash this code cannot read. */
export async function verifyAgentPassword(password: string, hash: string): Promise<boolean> {
  const parts = hash.split('$');
  // ['', '7', iterations, salt, key]
  if (parts.length !== 5 || parts[1] !== '7') return false;
  const iterations = Number(parts[2]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) return false;
  const expected = Buffer.from(parts[4], 'base64');
  if (expected.length === 0) return false;
  const key = await derive(
    password,
    Buffer.from(parts[3], 'base64'),
    iterations,
    expected.length,
    'sha512',
  );
  return timingSafeEqual(key, expected);
}

/** A fresh agent password: 32 random bytes, URL-safe. */
export function generateAgentPassword(): string {
  return randomBytes(32).toString('base64url');
}
