// CashflowGroup::updateCashflowGroup: replaces the name, description and ALL rules and
// affiliates, so it is always sent with the complete sets, never a partial list.
import { z } from 'zod/mini';
import { callHasOffers, type PhpValue } from '@/lib/hasoffers';
import { createParams, requestPreview, type CreateGroupInput } from './create-cashflow-group';

export function updateParams(id: string, input: CreateGroupInput): Record<string, PhpValue> {
  return { id, ...createParams(input) };
}

/** An update the history records as something more precise than an edit. */
export type UpdateKind =
  /** Brings back the state of a recorded change. */
  | { kind: 'restore'; restoredFrom: number }
  /** One group's write in a bulk add/remove of affiliates. */
  | { kind: 'bulk-membership' };

/** The headers the BFF's history reads (server/history/recorder.ts validates them). */
export function changeKindHeaders(recordAs: UpdateKind): Record<string, string> {
  return recordAs.kind === 'restore'
    ? { 'X-Change-Kind': 'restore', 'X-Restored-From': String(recordAs.restoredFrom) }
    : { 'X-Change-Kind': 'bulk-membership' };
}

export async function updateCashflowGroup(
  id: string,
  input: CreateGroupInput,
  signal?: AbortSignal,
  /** What the dashboard's history records this save as; a plain edit when not given. */
  recordAs?: UpdateKind,
): Promise<void> {
  await callHasOffers('CashflowGroup', 'updateCashflowGroup', updateParams(id, input), {
    // Form-encoded POST: a long rules_json may not fit in a URL.
    httpMethod: 'POST',
    ...(recordAs && { headers: changeKindHeaders(recordAs) }),
    schema: z.unknown(),
    ...(signal && { signal }),
  });
}

/** The exact request "Save changes" sends, for the review's preview. */
export function updateRequestPreview(id: string, input: CreateGroupInput) {
  return requestPreview('updateCashflowGroup', updateParams(id, input));
}
