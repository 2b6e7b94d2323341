// Dashboard sessions: random 256-bit ids with a sliding idle expiry and an absolute cap, kept in
// the database (server/storage/), so a restart signs nobody out and several BFFs share them.
import { createHash, randomBytes } from 'node:crypto';
import type { SessionRepository } from '../storage/sessions';

export const SESSION_DEFAULTS = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  /** Oldest sessions are dropped past this: the table stays bounded whatever a client does. */
  maxSessions: 10_000,
  /**
   * How long this process trusts a session it has just checked, without asking the database
   * again. Every /api request passes the session gate; asking (and writing last_seen_at) each
   * time put a database round trip on every call, which the embedded engine runs on the event
   * loop: at 200 req/s the BFF's added p99 grew by seconds (bench/report.md, section 5). Only
   * for a database no other process uses (the embedded one, whose folder is locked to one
   * process): there, nothing but this process can end a session, and its own sign-out forgets
   * it at once. On a shared database (PostgreSQL) the app sets 0: a sign-out through another
   * BFF must end the session everywhere at once. The idle clock in the database moves in steps
   * of this size (the idle limit is 30 minutes); the limits themselves are checked every time.
   */
  cacheMs: 5_000,
};

export interface SessionStoreOptions {
  idleMs: number;
  absoluteMs: number;
  maxSessions?: number;
  cacheMs?: number;
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
  /** Sessions this process checked in the last `cacheMs`, by digest, oldest first. */
  private readonly recent = new Map<string, { session: Session; checkedAt: number }>();

  constructor(
    private readonly repository: SessionRepository,
    options: SessionStoreOptions,
  ) {
    this.options = {
      maxSessions: SESSION_DEFAULTS.maxSessions,
      cacheMs: SESSION_DEFAULTS.cacheMs,
      now: Date.now,
      ...options,
    };
  }

  async create(user: string, auto = false): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.options.now();
    const session: Session = { user, createdAt: now, lastSeenAt: now, auto };
    await this.repository.create(digest(id), session, this.options);
    this.remember(digest(id), session, now);
    return { id, session };
  }

  /** The live session for `id`, its idle clock restarted; undefined if unknown or expired. */
  async touch(id: string | undefined): Promise<Session | undefined> {
    if (id === undefined || !ID_PATTERN.test(id)) return undefined;
    const key = digest(id);
    const now = this.options.now();
    const known = this.recent.get(key);
    if (
      known !== undefined &&
      now - known.checkedAt < this.options.cacheMs &&
      now >= known.checkedAt
    ) {
      const { session } = known;
      // The limits still hold to the millisecond: only the database round trip is skipped.
      if (this.expired(session, now)) {
        this.recent.delete(key);
        await this.repository.delete(key);
        return undefined;
      }
      session.lastSeenAt = now;
      return { ...session };
    }
    this.recent.delete(key);
    const session = await this.repository.touch(key, now, this.options);
    if (session !== undefined) this.remember(key, session, now);
    return session;
  }

  async delete(id: string | undefined): Promise<void> {
    if (id === undefined || !ID_PATTERN.test(id)) return;
    const key = digest(id);
    this.recent.delete(key);
    await this.repository.delete(key);
  }

  private expired(session: Session, now: number): boolean {
    return (
      session.lastSeenAt <= now - this.options.idleMs ||
      session.createdAt <= now - this.options.absoluteMs
    );
  }

  private remember(key: string, session: Session, now: number): void {
    if (this.options.cacheMs <= 0) return;
    this.recent.set(key, { session: { ...session }, checkedAt: now });
    // Bounded: entries past their time are dropped oldest first; a flood of new sessions can
    // never hold more than maxSessions here either.
    for (const [k, v] of this.recent) {
      if (this.recent.size <= this.options.maxSessions && now - v.checkedAt < this.options.cacheMs)
        break;
      this.recent.delete(k);
    }
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
