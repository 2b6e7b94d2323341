// The change history of cashflow groups: one row per create, update, clone or restore sent through
// the dashboard (intent before sending, outcome after), and per group state first seen or changed
// outside the dashboard. Append-only like every migration.
import { sql, type Kysely } from 'kysely';

// Migrations see no typed tables: they must keep working whatever the schema later becomes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('group_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // Unknown until a create's answer names it (and never, if the create failed).
    .addColumn('group_id', 'text')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('create', 'update', 'clone', 'restore', 'seen', 'outside')`),
    )
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'done', 'failed', 'unknown')`),
    )
    // The request as sent, without the token (JSON); null for a state read, not written.
    .addColumn('request', 'text')
    .addColumn('restored_from', 'bigint')
    .addColumn('outcome_at', 'bigint')
    // HasOffers' answer (redacted JSON text) or the BFF's own error message.
    .addColumn('answer', 'text')
    // The group as read back after the write (or as read, for seen/outside): JSON.
    .addColumn('snapshot', 'text')
    // What the snapshot holds, order-free: two equal fingerprints are the same group state.
    .addColumn('fingerprint', 'text')
    .execute();
  await db.schema
    .createIndex('group_changes_group')
    .on('group_changes')
    .columns(['group_id', 'id'])
    .execute();
  await db.schema
    .createIndex('group_changes_requested_at')
    .on('group_changes')
    .column('requested_at')
    .execute();
  await db.schema
    .createIndex('group_changes_user')
    .on('group_changes')
    .columns(['user_name', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_changes').execute();
}
