// Dashboard sessions: random 256-bit ids with a sliding idle expiry and an absolute cap, kept in
// the database (server/storage/), so a restart signs nobody out and several BFFs share them.
import { createHash, randomBytes } from 'node:crypto';
import type { SessionRepository } from '../storage/sessions';

export const SESSION_DEFAULTS = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  /** Oldest sessions are dropped past this: the table stays bounded whatever a client does. */
  maxSessions: 10_000,
};

export interface SessionStoreOptions {
  idleMs: number;
  absoluteMs: number;
  maxSessions?: number;
  now?: () => number;
}

export interface Session {
  user: string;
  createdAt: number;
  lastSeenAt: number;
  /** Made by DEV_AUTO_SIGN_IN, not by a password. */
  auto: boolean;
}

/** 32 random bytes, base64url: 43 characters. */
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Rows are keyed by a SHA-256 of the id, not the id: a copy of the database (a backup, a dump)
 * does not hand out live session cookies.
 */
function digest(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

export class SessionStore {
  private readonly options: Required<SessionStoreOptions>;

  constructor(
    private readonly repository: SessionRepository,
    options: SessionStoreOptions,
  ) {
    this.options = { maxSessions: SESSION_DEFAULTS.maxSessions, now: Date.now, ...options };
  }

  async create(user: string, auto = false): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.options.now();
    const session: Session = { user, createdAt: now, lastSeenAt: now, auto };
    await this.repository.create(digest(id), session, this.options);
    return { id, session };
  }

  /** The live session for `id`, its idle clock restarted; undefined if unknown or expired. */
  async touch(id: string | undefined): Promise<Session | undefined> {
    if (id === undefined || !ID_PATTERN.test(id)) return undefined;
    return this.repository.touch(digest(id), this.options.now(), this.options);
  }

  async delete(id: string | undefined): Promise<void> {
    if (id !== undefined && ID_PATTERN.test(id)) await this.repository.delete(digest(id));
  }

  /** Milliseconds until the absolute cap: the cookie's Max-Age. */
  remainingMs(session: Session): number {
    return Math.max(0, session.createdAt + this.options.absoluteMs - this.options.now());
  }

  /** Sessions stored (expired ones included until swept): for tests and diagnostics. */
  count(): Promise<number> {
    return this.repository.count();
  }
}
