// CashflowGroup::findCashflowGroupById, read into the wizard's form shape through the same
// fromPayload the import uses, so details, edit and clone all start from one reading.
import { z } from 'zod/mini';
import { callHasOffers } from '@/lib/hasoffers';
import { ApiError } from '@/lib/api-error';
import { formatImportError, fromPayload, type GroupForm } from '../model';
import { hoId, hoText, unwrapRow } from '@/lib/hasoffers-rows';

export interface CashflowGroupDetail {
  id: string;
  /** Changes on every update: compared before saving to notice someone else's change. */
  modified: string;
  form: GroupForm;
  /** Affiliate id → company, as the answer carries them. */
  affiliateNames: Record<string, string>;
}

// The group's own id and `modified` are optional: the flat findCashflowGroupById answer (as
// GroupSchedule reads it) promises only name, description, affiliates and rules, so the id asked
// for stands in. Rules may carry extra keys (id, cashflow_group_id) and negate as "0"/"1":
// fromPayload reads those.
const columns = z.looseObject({
  id: z.optional(hoId),
  name: hoText,
  description: hoText,
  modified: hoText,
});

/**
 * findCashflowGroupById's `data` as the wizard's form, or null when the network has no such
 * group (recorded for findById: status 1 with `data: null`, not an error).
 */
export function cashflowGroupDetailSchema(requestedId: string) {
  return z.transform((data: unknown, ctx): CashflowGroupDetail | null => {
    if (
      data === null ||
      data === undefined ||
      data === '' ||
      (Array.isArray(data) && data.length === 0)
    ) {
      return null;
    }
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
    const { name, description, modified } = cols.data;
    return {
      id: cols.data.id ?? requestedId,
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
}

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
      { schema: cashflowGroupDetailSchema(id), ...(signal && { signal }) },
    );
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}
