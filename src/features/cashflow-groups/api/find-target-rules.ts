// OfferTargeting::findTargetRules: the advanced-targeting-rule picker's options.
import { z } from 'zod/mini';
import { callHasOffers, type PhpValue } from '@/lib/hasoffers';
import { hoId, hoPage, hoText, columnOrIdFilter, modelRow, sortRowsBy } from '@/lib/hasoffers-rows';

export const TARGET_RULES_LIMIT = 50;

export interface TargetRule {
  id: string;
  name: string;
  description: string;
}

const targetRuleRow = modelRow(
  'TargetRule',
  z.looseObject({ id: hoId, name: hoText, description: hoText }),
);

/** Name contains `search`, or (for digits) the id is `search`; first 50 by name. */
export function targetRuleParams(search: string): Record<string, PhpValue> {
  const filters = columnOrIdFilter('name', search);
  return {
    ...(filters && { filters }),
    sort: { name: 'asc' },
    limit: TARGET_RULES_LIMIT,
  };
}

export async function findTargetRules(search: string, signal?: AbortSignal): Promise<TargetRule[]> {
  const page = await callHasOffers('OfferTargeting', 'findTargetRules', targetRuleParams(search), {
    schema: hoPage(targetRuleRow),
    ...(signal && { signal }),
  });
  return sortRowsBy(
    page.rows.map(({ id, name, description }) => ({ id, name, description })),
    'name',
  );
}
