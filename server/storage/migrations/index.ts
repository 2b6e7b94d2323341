// Every migration, in order, by name. Listed here (not read from the folder at run time) so the
// set that runs is the set that was type-checked, whatever the working directory or bundler.
import type { Migration } from 'kysely';
import * as initial from './0001-initial';
import * as history from './0002-history';
import * as bulkMembershipKind from './0003-bulk-membership-kind';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-history': history,
  '0003-bulk-membership-kind': bulkMembershipKind,
};
