// Dashboard sessions: random 256-bit ids, in memory, with a sliding idle expiry and an absolute cap.
// In memory on purpose (one BFF process): a restart signs everyone out, which is documented.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_DEFAULTS = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  /** Oldest sessions are dropped past this: memory stays bounded whatever a client does. */
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
 * The map is keyed by a SHA-256 of the id, not the id: a heap dump or a debugging print of the
 * store does not hand out live session cookies.
 */
function digest(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly options: Required<SessionStoreOptions>;

  constructor(options: SessionStoreOptions) {
    this.options = { maxSessions: SESSION_DEFAULTS.maxSessions, now: Date.now, ...options };
  }

  create(user: string, auto = false): { id: string; session: Session } {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    const now = this.options.now();
    const session: Session = { user, createdAt: now, lastSeenAt: now, auto };
    this.sessions.set(digest(id), session);
    // Map order is insertion order: the first keys are the oldest sessions.
    for (const key of this.sessions.keys()) {
      if (this.sessions.size <= this.options.maxSessions) break;
      this.sessions.delete(key);
    }
    return { id, session };
  }

  /** The live session for `id`, its idle clock restarted; undefined if unknown or expired. */
  touch(id: string | undefined): Session | undefined {
    if (id === undefined || !ID_PATTERN.test(id)) return undefined;
    const key = digest(id);
    const session = this.sessions.get(key);
    if (!session) return undefined;
    const now = this.options.now();
    if (this.expired(session, now)) {
      this.sessions.delete(key);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  delete(id: string | undefined): void {
    if (id !== undefined && ID_PATTERN.test(id)) this.sessions.delete(digest(id));
  }

  /** Milliseconds until the absolute cap: the cookie's Max-Age. */
  remainingMs(session: Session): number {
    return Math.max(0, session.createdAt + this.options.absoluteMs - this.options.now());
  }

  get size(): number {
    return this.sessions.size;
  }

  private expired(session: Session, now: number): boolean {
    return (
      now - session.lastSeenAt >= this.options.idleMs ||
      now - session.createdAt >= this.options.absoluteMs
    );
  }

  private sweep(): void {
    const now = this.options.now();
    for (const [key, session] of this.sessions) {
      if (this.expired(session, now)) this.sessions.delete(key);
    }
  }
}
