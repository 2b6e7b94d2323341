// CashflowGroup::updateCashflowGroup: replaces the name, description and ALL rules and
// affiliates, so it is always sent with the complete sets, never a partial list.
import { z } from 'zod/mini';
import { callHasOffers, type PhpValue } from '@/lib/hasoffers';
import { createParams, requestPreview, type CreateGroupInput } from './create-cashflow-group';

export function updateParams(id: string, input: CreateGroupInput): Record<string, PhpValue> {
  return { id, ...createParams(input) };
}

export async function updateCashflowGroup(
  id: string,
  input: CreateGroupInput,
  signal?: AbortSignal,
  /** The recorded change whose state this save brings back: the history records a restore. */
  restoredFrom?: number,
): Promise<void> {
  await callHasOffers('CashflowGroup', 'updateCashflowGroup', updateParams(id, input), {
    // Form-encoded POST: a long rules_json may not fit in a URL.
    httpMethod: 'POST',
    ...(restoredFrom !== undefined && {
      headers: { 'X-Change-Kind': 'restore', 'X-Restored-From': String(restoredFrom) },
    }),
    schema: z.unknown(),
    ...(signal && { signal }),
  });
}

/** The exact request "Save changes" sends, for the review's preview. */
export function updateRequestPreview(id: string, input: CreateGroupInput) {
  return requestPreview('updateCashflowGroup', updateParams(id, input));
}
