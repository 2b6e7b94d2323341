// Dashboard password hashes: node:crypto scrypt in a self-describing `scrypt$N$r$p$salt$hash` text.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Defaults for new hashes: one of OWASP's scrypt settings (N=2^15, r=8, p=3: 32 MiB, a few
 * hundred ms here). Stored in each hash, so raising them later does not break old hashes.
 */
export const SCRYPT_DEFAULTS = { N: 2 ** 15, r: 8, p: 3 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Passwords longer than this are refused before hashing (no use, only cost). */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Bounds on what a configured hash may ask for. A hash is configuration, not user input, but a
 * typo must not make every sign-in allocate gigabytes. N=2^10 is allowed for fast tests only.
 */
const LIMITS = { minN: 2 ** 10, maxN: 2 ** 20, maxR: 32, maxP: 16, maxMemBytes: 512 * 1024 * 1024 };

export interface PasswordHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Parses `scrypt$N$r$p$salt$hash` (salt and hash base64url); undefined if malformed. */
export function parsePasswordHash(text: string): PasswordHash | undefined {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [, nText, rText, pText, saltText, keyText] = parts;
  if (![nText, rText, pText].every((s) => s !== undefined && /^[1-9]\d{0,8}$/.test(s))) {
    return undefined;
  }
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  // N must be a power of two (scrypt's own rule).
  if (N < LIMITS.minN || N > LIMITS.maxN || (N & (N - 1)) !== 0) return undefined;
  if (r > LIMITS.maxR || p > LIMITS.maxP || memoryFor(N, r, p) > LIMITS.maxMemBytes) {
    return undefined;
  }
  if (!saltText || !keyText || !B64URL.test(saltText) || !B64URL.test(keyText)) return undefined;
  const salt = Buffer.from(saltText, 'base64url');
  const key = Buffer.from(keyText, 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined;
  return { N, r, p, salt, key };
}

export function formatPasswordHash(hash: PasswordHash): string {
  return [
    'scrypt',
    hash.N,
    hash.r,
    hash.p,
    hash.salt.toString('base64url'),
    hash.key.toString('base64url'),
  ].join('$');
}

function memoryFor(N: number, r: number, p: number): number {
  return 128 * N * r * p;
}

function derive(password: string, salt: Buffer, keyLength: number, o: ScryptOptions) {
  const N = o.N ?? SCRYPT_DEFAULTS.N;
  const r = o.r ?? SCRYPT_DEFAULTS.r;
  const p = o.p ?? SCRYPT_DEFAULTS.p;
  // Async scrypt runs on libuv's pool: a sign-in never blocks the event loop.
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { N, r, p, maxmem: memoryFor(N, r, p) + 32 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function hashPassword(
  password: string,
  params: { N: number; r: number; p: number } = SCRYPT_DEFAULTS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return formatPasswordHash({ ...params, salt, key });
}

/** Constant-time comparison of the derived key; false for over-long passwords. */
export async function verifyPassword(password: string, hash: PasswordHash): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await derive(password, hash.salt, hash.key.length, hash);
  return key.length === hash.key.length && timingSafeEqual(key, hash.key);
}
