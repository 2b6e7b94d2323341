// The first schema: sessions, the sign-in throttle, idempotency records and the call budget.
// Migrations are append-only: a later change is a new file (0002-…), never an edit of this one.
import { sql, type Kysely } from 'kysely';

// Migrations see no typed tables: they must keep working whatever the schema later becomes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id_digest', 'text', (c) => c.primaryKey())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('auto', 'boolean', (c) => c.notNull())
    // Insertion order: the oldest sessions go first when the table is over its cap.
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('sign_in_keys')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .addColumn('in_flight_until', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_keys_pk', ['user_name', 'address'])
    .execute();
  await db.schema
    .createIndex('sign_in_keys_address')
    .on('sign_in_keys')
    .column('address')
    .execute();

  await db.schema
    .createTable('sign_in_addresses')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idempotency_records')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn(['pending', 'done', 'unknown'])))
    .addColumn('result', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('claim', 'text')
    .addColumn('pending_until', 'bigint', (c) => c.notNull())
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addPrimaryKeyConstraint('idempotency_records_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('call_budgets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable('call_slots')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('budget', 'text', (c) => c.notNull().references('call_budgets.name'))
    .addColumn('granted_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('call_slots_budget_expires')
    .on('call_slots')
    .columns(['budget', 'expires_at'])
    .execute();
}

function sqlIn(values: string[]) {
  return sql`state in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'call_slots',
    'call_budgets',
    'idempotency_records',
    'sign_in_addresses',
    'sign_in_keys',
    'sessions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
