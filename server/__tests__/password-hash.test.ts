// scrypt password hashes: the self-describing format, verification, and refusal of odd hashes.
import { describe, expect, it } from 'vitest';
import {
  SCRYPT_DEFAULTS,
  formatPasswordHash,
  hashPassword,
  parsePasswordHash,
  verifyPassword,
} from '../auth/password-hash';
import { parseDashboardUsers } from '../auth/users';

const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashes', () => {
  it('are scrypt$N$r$p$salt$hash, salted (two hashes of one password differ), and verify', async () => {
    const a = await hashPassword('s3cret pass', cheap);
    const b = await hashPassword('s3cret pass', cheap);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    const parsed = parsePasswordHash(a);
    expect(parsed).toBeDefined();
    if (!parsed) return;
    expect(formatPasswordHash(parsed)).toBe(a);
    expect(await verifyPassword('s3cret pass', parsed)).toBe(true);
    expect(await verifyPassword('s3cret pass ', parsed)).toBe(false);
    expect(await verifyPassword('S3cret pass', parsed)).toBe(false);
    expect(await verifyPassword('', parsed)).toBe(false);
    expect(await verifyPassword('x'.repeat(5000), parsed)).toBe(false);
  });

  it('compare Unicode passwords in NFC (a typed é matches however it was composed)', async () => {
    const parsed = parsePasswordHash(await hashPassword('caf\u00e9', cheap));
    expect(parsed && (await verifyPassword('cafe\u0301', parsed))).toBe(true);
  });

  it('new hashes use the default cost', async () => {
    const text = await hashPassword('x');
    expect(
      text.startsWith(`scrypt$${SCRYPT_DEFAULTS.N}$${SCRYPT_DEFAULTS.r}$${SCRYPT_DEFAULTS.p}$`),
    ).toBe(true);
  });

  it('refuse malformed or unreasonable hashes', () => {
    const salt = 'c2FsdHNhbHRzYWx0';
    const key = 'a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5';
    for (const text of [
      '',
      'bcrypt$10$x',
      `scrypt$1024$8$1$${salt}`,
      `scrypt$1000$8$1$${salt}$${key}`, // N not a power of two
      `scrypt$512$8$1$${salt}$${key}`, // too cheap
      `scrypt$${2 ** 21}$8$1$${salt}$${key}`, // too costly
      `scrypt$1048576$64$16$${salt}$${key}`, // memory
      `scrypt$1024$8$1$${salt}$${key}=`, // not base64url
      `scrypt$1024$8$1$c2FsdA$${key}`, // salt too short
      `scrypt$01024$8$1$${salt}$${key}`,
    ]) {
      expect(parsePasswordHash(text), text).toBeUndefined();
    }
    expect(parsePasswordHash(`scrypt$1024$8$1$${salt}$${key}`)).toBeDefined();
  });

  it('DASHBOARD_USERS parses name:hash pairs', async () => {
    const h = await hashPassword('pw', cheap);
    const { users, problems } = parseDashboardUsers(`alice:${h}, Bob.Smith@corp:${h}\n`);
    expect(problems).toEqual([]);
    expect(users.map((u) => u.name)).toEqual(['alice', 'bob.smith@corp']);
  });
});
