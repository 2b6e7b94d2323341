// scripts/hash-password.ts as a process: the password goes in on stdin (never argv), a hash that
// verifies comes out on stdout, weak input is refused.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePasswordHash, verifyPassword } from '../auth/password-hash';
import { parseDashboardUsers } from '../auth/users';

const SCRIPT = fileURLToPath(new URL('../../scripts/hash-password.ts', import.meta.url));
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

function run(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, SCRIPT, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

describe('npm run hash-password', () => {
  it('reads the password from stdin and prints a verifiable hash, nothing else', async () => {
    const { code, out } = await run([], 'a long enough password\n');
    expect(code).toBe(0);
    const text = out.trim();
    expect(text).toMatch(/^scrypt\$32768\$8\$3\$/);
    const hash = parsePasswordHash(text);
    expect(hash).toBeDefined();
    if (!hash) return;
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
    expect(out).not.toContain('a long enough password');
  }, 30_000);

  it('with a name, prints a ready DASHBOARD_USERS entry', async () => {
    const { code, out } = await run(['Alice'], 'another long password');
    expect(code).toBe(0);
    const { users, problems } = parseDashboardUsers(out.trim());
    expect(problems).toEqual([]);
    expect(users.map((u) => u.name)).toEqual(['alice']);
  }, 30_000);

  it('refuses short passwords', async () => {
    const { code, out, err } = await run([], 'short\n');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('at least 12 characters');
  }, 30_000);
});
