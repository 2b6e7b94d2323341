// CashflowGroup::findCashflowGroupById, read into the wizard's form shape through the same
// fromPayload the import uses, so details, edit and clone all start from one reading.
import { z } from 'zod/mini';
import { callHasOffers } from '@/lib/hasoffers';
import { ApiError } from '@/lib/api-error';
import { formatImportError, fromPayload, type GroupForm } from '../model';
import { hoId, hoText, unwrapRow } from './rows';

export interface CashflowGroupDetail {
  id: string;
  /** Changes on every update: compared before saving to notice someone else's change. */
  modified: string;
  form: GroupForm;
  /** Affiliate id → company, as the answer carries them. */
  affiliateNames: Record<string, string>;
}

const columns = z.looseObject({ id: hoId, name: hoText, description: hoText, modified: hoText });

const detail = z.transform((data: unknown, ctx): CashflowGroupDetail => {
  const cols = columns.safeParse(unwrapRow(data, 'CashflowGroup'));
  if (!cols.success) {
    ctx.issues.push({ code: 'custom', message: 'not a cashflow group', input: data });
    return z.NEVER;
  }
  const read = fromPayload(data);
  if (!read.ok) {
    // A stored group the dashboard cannot read must not be edited (a save would drop the rest).
    for (const e of read.errors.slice(0, 5)) {
      ctx.issues.push({ code: 'custom', message: formatImportError(e), input: data });
    }
    return z.NEVER;
  }
  const { id, name, description, modified } = cols.data;
  return {
    id,
    modified,
    form: {
      name,
      description,
      rules: read.rules,
      affiliateMode: read.affiliateIds.length === 0 ? 'all' : 'selected',
      affiliateIds: read.affiliateIds,
    },
    affiliateNames: read.affiliateNames ?? {},
  };
});

/** HasOffers says "Cashflow group '99' does not exist" as an HTTP-200 error. */
export function isNotFound(e: unknown): boolean {
  return (
    e instanceof ApiError &&
    e.kind === 'upstream' &&
    [e.message, ...e.details].some((t) => /does not exist|not found/i.test(t))
  );
}

/** The group, or null when the network does not have it. */
export async function getCashflowGroup(
  id: string,
  signal?: AbortSignal,
): Promise<CashflowGroupDetail | null> {
  try {
    return await callHasOffers(
      'CashflowGroup',
      'findCashflowGroupById',
      { cashflow_group_id: id },
      { schema: detail, ...(signal && { signal }) },
    );
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}
