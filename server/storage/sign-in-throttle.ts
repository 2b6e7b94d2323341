// The sign-in throttle's counters in the database: per (user name, address) and per address.
// Every change runs in a transaction holding a lock on the address, so two BFF processes (or two
// requests) cannot both see "nothing in flight" and both check a password.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';
import { guard } from './unavailable';

export interface ThrottleKeyState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  /** An attempt is being checked until then (a lease: a crashed process frees it). */
  inFlightUntil: number;
}

export interface ThrottleAddressState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  /** Attempts from this address being checked now (every user name). */
  inFlight: number;
}

/** What to write back: a new state, `null` to delete, `undefined` to leave as is. */
export interface ThrottleChange<R> {
  key?: ThrottleKeyState | null;
  address?: Omit<ThrottleAddressState, 'inFlight'> | null;
  result: R;
}

export class SignInThrottleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Reads both states under the address's lock, lets `decide` say what changes, writes that, all
   * in one transaction.
   */
  update<R>(
    user: string,
    address: string,
    now: number,
    decide: (
      key: ThrottleKeyState | undefined,
      address: ThrottleAddressState | undefined,
    ) => ThrottleChange<R>,
  ): Promise<R> {
    return guard(() =>
      this.db.transaction().execute(async (trx) => {
        // Transaction-scoped: released at commit or rollback, whatever happens to this process.
        await sql`select pg_advisory_xact_lock(hashtext(${`sign-in\n${address}`}))`.execute(trx);
        const keyRow = await trx
          .selectFrom('sign_in_keys')
          .selectAll()
          .where('user_name', '=', user)
          .where('address', '=', address)
          .executeTakeFirst();
        const addressRow = await trx
          .selectFrom('sign_in_addresses')
          .selectAll()
          .where('address', '=', address)
          .executeTakeFirst();
        const inFlight = await countInFlight(trx, address, now);
        const change = decide(
          keyRow && {
            failures: keyRow.failures,
            lastFailureAt: keyRow.last_failure_at,
            lockedUntil: keyRow.locked_until,
            inFlightUntil: keyRow.in_flight_until,
          },
          addressRow && {
            failures: addressRow.failures,
            lastFailureAt: addressRow.last_failure_at,
            lockedUntil: addressRow.locked_until,
            inFlight,
          },
        );
        if (change.key === null) {
          await trx
            .deleteFrom('sign_in_keys')
            .where('user_name', '=', user)
            .where('address', '=', address)
            .execute();
        } else if (change.key !== undefined) {
          const values = {
            failures: change.key.failures,
            last_failure_at: change.key.lastFailureAt,
            locked_until: change.key.lockedUntil,
            in_flight_until: change.key.inFlightUntil,
          };
          await trx
            .insertInto('sign_in_keys')
            .values({ user_name: user, address, ...values })
            .onConflict((oc) => oc.columns(['user_name', 'address']).doUpdateSet(values))
            .execute();
        }
        if (change.address === null) {
          await trx.deleteFrom('sign_in_addresses').where('address', '=', address).execute();
        } else if (change.address !== undefined) {
          const values = {
            failures: change.address.failures,
            last_failure_at: change.address.lastFailureAt,
            locked_until: change.address.lockedUntil,
          };
          await trx
            .insertInto('sign_in_addresses')
            .values({ address, ...values })
            .onConflict((oc) => oc.column('address').doUpdateSet(values))
            .execute();
        }
        return change.result;
      }),
    );
  }

  /**
   * Drops what the throttle would forget anyway (no failure for `forgetAfterMs`, nothing in
   * flight), then the oldest past `maxEntries`: the tables stay bounded whatever a client does.
   */
  prune(now: number, forgetAfterMs: number, maxEntries: number): Promise<void> {
    return guard(async () => {
      const forgotten = now - forgetAfterMs;
      await this.db
        .deleteFrom('sign_in_keys')
        .where('last_failure_at', '<=', forgotten)
        .where('in_flight_until', '<=', now)
        .execute();
      await this.db
        .deleteFrom('sign_in_addresses')
        .where('last_failure_at', '<=', forgotten)
        .where('locked_until', '<=', now)
        .execute();
      await this.db
        .deleteFrom('sign_in_keys')
        .where('in_flight_until', '<=', now)
        .where(({ eb, refTuple, selectFrom }) =>
          eb(
            refTuple('user_name', 'address'),
            'in',
            selectFrom('sign_in_keys')
              .select(['user_name', 'address'])
              .orderBy('last_failure_at', 'desc')
              .offset(maxEntries)
              .$asTuple('user_name', 'address'),
          ),
        )
        .execute();
      await this.db
        .deleteFrom('sign_in_addresses')
        .where(
          'address',
          'in',
          this.db
            .selectFrom('sign_in_addresses')
            .select('address')
            .orderBy('last_failure_at', 'desc')
            .offset(maxEntries),
        )
        .execute();
    });
  }

  /** Keys remembered (for tests and diagnostics). */
  countKeys(): Promise<number> {
    return guard(async () => {
      const row = await this.db
        .selectFrom('sign_in_keys')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
  }
}

async function countInFlight(
  trx: Transaction<Database>,
  address: string,
  now: number,
): Promise<number> {
  const row = await trx
    .selectFrom('sign_in_keys')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('address', '=', address)
    .where('in_flight_until', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
