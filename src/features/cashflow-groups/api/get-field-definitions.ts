// CashflowGroup::getCashflowRuleFieldDefinitions: per-field types and values. The shape is
// undocumented, so it is passed through as it comes (only "an object or a list" is checked).
import { z } from 'zod/mini';
import { callHasOffers } from '@/lib/hasoffers';

export const fieldDefinitionsSchema = z.union([
  z.record(z.string(), z.unknown()),
  z.array(z.unknown()),
]);
export type FieldDefinitions = z.infer<typeof fieldDefinitionsSchema>;

export function getFieldDefinitions(signal?: AbortSignal): Promise<FieldDefinitions> {
  return callHasOffers(
    'CashflowGroup',
    'getCashflowRuleFieldDefinitions',
    {},
    { schema: fieldDefinitionsSchema, ...(signal && { signal }) },
  );
}
