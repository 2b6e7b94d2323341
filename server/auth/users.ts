// The dashboard's own users (DASHBOARD_USERS): names with scrypt hashes, parsed and checked once.
import { parsePasswordHash, type PasswordHash } from './password-hash';

export interface DashboardUser {
  /** Lower case: names are matched case-insensitively. */
  name: string;
  hash: PasswordHash;
}

const NAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** The form in which a typed user name is looked up (and throttled). */
export function normalizeUserName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export function isValidUserName(name: string): boolean {
  return NAME.test(name);
}

/**
 * Parses `alice:scrypt$...,bob:scrypt$...` (commas or newlines between entries). Problems name
 * the entry by position and user name, never by its hash.
 */
export function parseDashboardUsers(text: string): { users: DashboardUser[]; problems: string[] } {
  const users: DashboardUser[] = [];
  const problems: string[] = [];
  const entries = text
    .split(/[,\n]/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const name = normalizeUserName(colon === -1 ? '' : entry.slice(0, colon));
    const where = `DASHBOARD_USERS entry ${i + 1}${isValidUserName(name) ? ` (${name})` : ''}`;
    if (!isValidUserName(name)) {
      problems.push(
        `${where} must start with a user name (letters, digits, . _ @ -; at most 64) and a colon`,
      );
      return;
    }
    const hash = parsePasswordHash(entry.slice(colon + 1));
    if (!hash) {
      problems.push(
        `${where} has no valid password hash (scrypt$N$r$p$salt$hash; make one with npm run hash-password)`,
      );
      return;
    }
    if (users.some((u) => u.name === name)) {
      problems.push(`${where} repeats a user name`);
      return;
    }
    users.push({ name, hash });
  });
  return { users, problems };
}
