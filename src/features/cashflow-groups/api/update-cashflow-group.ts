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
): Promise<void> {
  await callHasOffers('CashflowGroup', 'updateCashflowGroup', updateParams(id, input), {
    // Form-encoded POST: a long rules_json may not fit in a URL.
    httpMethod: 'POST',
    schema: z.unknown(),
    ...(signal && { signal }),
  });
}

/** The exact request "Save changes" sends, for the review's preview. */
export function updateRequestPreview(id: string, input: CreateGroupInput) {
  return requestPreview('updateCashflowGroup', updateParams(id, input));
}
