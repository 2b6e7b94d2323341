// The database's tables as Kysely sees them: the one description of the schema the code uses.
// Times are milliseconds since the epoch (bigint columns read as numbers): the stores take an
// injectable clock, and tests move it instead of waiting.
import type { Generated } from 'kysely';

export interface SessionsTable {
  /** SHA-256 (base64url) of the cookie's id: a copy of the table hands out no live cookie. */
  id_digest: string;
  user_name: string;
  created_at: number;
  last_seen_at: number;
  /** Made by DEV_AUTO_SIGN_IN, not by a password. */
  auto: boolean;
  /** Insertion order, for dropping the oldest past the cap. */
  seq: Generated<number>;
}

export interface SignInKeysTable {
  user_name: string;
  address: string;
  failures: number;
  last_failure_at: number;
  locked_until: number;
  /** An attempt is being checked until then (0: none). A lease, so a crash frees it. */
  in_flight_until: number;
}

export interface SignInAddressesTable {
  address: string;
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

export interface IdempotencyRecordsTable {
  scope: string;
  key: string;
  fingerprint: string;
  state: 'pending' | 'done' | 'unknown';
  /** The recorded answer (JSON text) once done. */
  result: string | null;
  created_at: number;
  expires_at: number;
  /** While pending: who runs it and until when; past that the runner is taken for dead. */
  claim: string | null;
  pending_until: number;
  /** Insertion order, for dropping the oldest past the cap. */
  seq: Generated<number>;
}

export interface CallBudgetsTable {
  /** One row per budget ('hasoffers'): locked FOR UPDATE while a slot is granted. */
  name: string;
}

export interface CallSlotsTable {
  id: Generated<number>;
  budget: string;
  granted_at: number;
  ended_at: number | null;
  /** The slot counts until then: one window after the call ended (or after its lease). */
  expires_at: number;
}

export type GroupChangeKind =
  | 'create'
  | 'update'
  | 'clone'
  | 'restore'
  /** An update sent by the bulk add/remove of affiliates (migration 0003). */
  | 'bulk-membership'
  | 'seen'
  | 'outside';
export type GroupChangeState = 'pending' | 'done' | 'failed' | 'unknown';

export interface GroupChangesTable {
  id: Generated<number>;
  group_id: string | null;
  kind: GroupChangeKind;
  user_name: string;
  requested_at: number;
  state: GroupChangeState;
  /** The request as sent, token-free (JSON text); null for a read state (seen, outside). */
  request: string | null;
  restored_from: number | null;
  outcome_at: number | null;
  answer: string | null;
  /** The group as read back (JSON text of a GroupSnapshot). */
  snapshot: string | null;
  fingerprint: string | null;
}

export interface Database {
  sessions: SessionsTable;
  sign_in_keys: SignInKeysTable;
  sign_in_addresses: SignInAddressesTable;
  idempotency_records: IdempotencyRecordsTable;
  call_budgets: CallBudgetsTable;
  call_slots: CallSlotsTable;
  group_changes: GroupChangesTable;
}
