// The change history learns a write kind: 'bulk-membership', an update sent by the affiliate
// page's bulk add/remove, so the history tells it from an edit made by hand. The kind column's
// check (0002, Postgres named it group_changes_kind_check) is replaced: 0002 stays as applied.
import { sql, type Kysely } from 'kysely';

const KIND_CHECK = 'group_changes_kind_check';

// Migrations see no typed tables: they must keep working whatever the schema later becomes.
export async function up(db: Kysely<unknown>): Promise<void> {
  // No IF EXISTS: a check under another name would stay and refuse the new kind, so a name
  // other than the one 0002 produced must stop the migration rather than pass it.
  await db.schema.alterTable('group_changes').dropConstraint(KIND_CHECK).execute();
  await db.schema
    .alterTable('group_changes')
    .addCheckConstraint(
      KIND_CHECK,
      sql`kind in ('create', 'update', 'clone', 'restore', 'bulk-membership', 'seen', 'outside')`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The older check cannot hold the new kind: those rows become the plain updates they also are.
  await db
    .updateTable('group_changes' as never)
    .set({ kind: 'update' } as never)
    .where(sql.ref('kind'), '=', 'bulk-membership')
    .execute();
  await db.schema.alterTable('group_changes').dropConstraint(KIND_CHECK).execute();
  await db.schema
    .alterTable('group_changes')
    .addCheckConstraint(
      KIND_CHECK,
      sql`kind in ('create', 'update', 'clone', 'restore', 'seen', 'outside')`,
    )
    .execute();
}
