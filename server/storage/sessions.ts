// Dashboard sessions in the database: keyed by a digest of the cookie's id, with idle and absolute expiry.
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { guard } from './unavailable';

export interface SessionRow {
  user: string;
  createdAt: number;
  lastSeenAt: number;
  auto: boolean;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new session; drops expired ones, then the oldest past `maxSessions`. */
  create(digest: string, session: SessionRow, limits: SessionLimits & { maxSessions: number }) {
    return guard(async () => {
      const now = session.createdAt;
      await this.db
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('last_seen_at', '<=', now - limits.idleMs),
            eb('created_at', '<=', now - limits.absoluteMs),
          ]),
        )
        .execute();
      await this.db
        .insertInto('sessions')
        .values({
          id_digest: digest,
          user_name: session.user,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          auto: session.auto,
        })
        .execute();
      // Bounded whatever a client does: the newest maxSessions stay.
      await this.db
        .deleteFrom('sessions')
        .where(
          'id_digest',
          'in',
          this.db
            .selectFrom('sessions')
            .select('id_digest')
            .orderBy('seq', 'desc')
            .offset(limits.maxSessions),
        )
        .execute();
    });
  }

  /** The live session, its idle clock restarted at `now`; undefined (and deleted) if expired. */
  touch(digest: string, now: number, limits: SessionLimits): Promise<SessionRow | undefined> {
    return guard(async () => {
      const row = await this.db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('id_digest', '=', digest)
        .where('last_seen_at', '>', now - limits.idleMs)
        .where('created_at', '>', now - limits.absoluteMs)
        .returning(['user_name', 'created_at', 'last_seen_at', 'auto'])
        .executeTakeFirst();
      if (row === undefined) {
        await this.db.deleteFrom('sessions').where('id_digest', '=', digest).execute();
        return undefined;
      }
      return {
        user: row.user_name,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        auto: row.auto,
      };
    });
  }

  delete(digest: string): Promise<void> {
    return guard(async () => {
      await this.db.deleteFrom('sessions').where('id_digest', '=', digest).execute();
    });
  }

  count(): Promise<number> {
    return guard(async () => {
      const row = await this.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
  }
}
