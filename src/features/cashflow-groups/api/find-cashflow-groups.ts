// CashflowGroup::findCashflowGroups by name: the live "name taken?" check and the "did my create
// go through?" look-up after a network failure.
import { z } from 'zod/mini';
import { callHasOffers } from '@/lib/hasoffers';
import { hoId, hoPage, hoText, modelRow } from '@/lib/hasoffers-rows';

export const cashflowGroupRowSchema = modelRow(
  'CashflowGroup',
  z.looseObject({ id: hoId, name: hoText, description: hoText }),
);

export interface CashflowGroupSummary {
  id: string;
  name: string;
  description: string;
}

/** Groups whose name equals `name` (trimmed). The API decides the comparison; see nameTaken. */
export async function findGroupsByName(
  name: string,
  signal?: AbortSignal,
): Promise<CashflowGroupSummary[]> {
  const page = await callHasOffers(
    'CashflowGroup',
    'findCashflowGroups',
    { filters: { name: name.trim() }, limit: 10 },
    { schema: hoPage(cashflowGroupRowSchema), ...(signal && { signal }) },
  );
  return page.rows.map(({ id, name: n, description }) => ({ id, name: n, description }));
}

/**
 * Names are unique in the network regardless of case (the create refuses "acme" next to "Acme"),
 * so the answer is compared case-insensitively here too, whatever the filter did.
 */
export function nameTaken(
  name: string,
  groups: readonly CashflowGroupSummary[],
): { taken: boolean; id?: string } {
  const wanted = name.trim().toLowerCase();
  const hit = groups.find((g) => g.name.trim().toLowerCase() === wanted);
  return hit ? { taken: true, id: hit.id } : { taken: false };
}
