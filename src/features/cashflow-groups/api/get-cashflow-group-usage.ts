// CashflowGroup::findCashflowGroupUsage: the active offers and goals that use a group for payout
// or revenue, shown as the impact of a change. Its real answer is unrecorded (api-notes.md names
// the method only), so this reads the plausible shapes and answers "unknown" for anything else:
// the impact is advice, and it must never block the details page or a save.
import { z } from 'zod/mini';
import { callHasOffers, normalisePage } from '@/lib/hasoffers';
import { hoId, hoText } from '@/lib/hasoffers-rows';

export interface GroupUser {
  id: string;
  /** "" when the answer carries no name. */
  name: string;
  /** A goal's offer, when given. */
  offerId?: string;
  /** "payout", "revenue" (or whatever the answer calls it); empty when not said. */
  uses: string[];
}

export type CashflowGroupUsage =
  { known: true; offers: GroupUser[]; goals: GroupUser[] } | { known: false };

export const UNKNOWN_USAGE: CashflowGroupUsage = { known: false };

const uses = z.pipe(
  z.optional(z.union([z.string(), z.array(z.string())])),
  z.transform((v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : v.split(','))
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ),
);

const userRow = z.looseObject({
  id: hoId,
  name: z.optional(hoText),
  status: z.optional(hoText),
  offer_id: z.optional(hoId),
  uses: z.optional(uses),
});

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const OFFER_KEYS = ['offers', 'Offers', 'Offer', 'offer'] as const;
const GOAL_KEYS = ['goals', 'Goals', 'Goal', 'goal'] as const;

/** One row, flat or wrapped in its model (`{Offer: {...}}`); undefined when not a row. */
function readRow(raw: unknown, model: 'Offer' | 'Goal'): GroupUser | 'inactive' | undefined {
  const inner = isRecord(raw) && isRecord(raw[model]) ? { ...raw, ...raw[model] } : raw;
  const row = userRow.safeParse(inner);
  if (!row.success) return undefined;
  const { id, name, status, offer_id, uses: used } = row.data;
  // The method promises active ones; a status that says otherwise is left out, not shown.
  if (status !== undefined && status !== '' && status.toLowerCase() !== 'active') return 'inactive';
  return {
    id,
    name: name ?? '',
    ...(offer_id !== undefined && { offerId: offer_id }),
    uses: used ?? [],
  };
}

/** A list (array, id-keyed, `[]` or paged) of rows; undefined when any row is unreadable. */
function readList(raw: unknown, model: 'Offer' | 'Goal'): GroupUser[] | undefined {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) && !isRecord(raw)) return undefined;
  const out: GroupUser[] = [];
  for (const item of normalisePage(raw).rows) {
    const row = readRow(item, model);
    if (row === undefined) return undefined;
    if (row !== 'inactive') out.push(row);
  }
  return out;
}

function firstKey(data: Record<string, unknown>, keys: readonly string[]): string | undefined {
  return keys.find((k) => Object.hasOwn(data, k));
}

/** Reads `data` into usage; never fails (anything unrecognised is `{known: false}`). */
export function readGroupUsage(data: unknown): CashflowGroupUsage {
  // `data: []` is how HasOffers says "nothing found".
  if (Array.isArray(data) && data.length === 0) return { known: true, offers: [], goals: [] };
  if (isRecord(data)) {
    const offerKey = firstKey(data, OFFER_KEYS);
    const goalKey = firstKey(data, GOAL_KEYS);
    // `{offers: [...], goals: [...]}`: each list in any find* shape.
    if (offerKey !== undefined || goalKey !== undefined) {
      const offers = offerKey === undefined ? [] : readList(data[offerKey], 'Offer');
      const goals = goalKey === undefined ? [] : readList(data[goalKey], 'Goal');
      return offers && goals ? { known: true, offers, goals } : UNKNOWN_USAGE;
    }
  }
  // One list of model rows (`{"101": {"Offer": {...}}, "501": {"Goal": {...}}}` or an array).
  if (!Array.isArray(data) && !isRecord(data)) return UNKNOWN_USAGE;
  const rows = normalisePage(data).rows;
  if (rows.length === 0) return UNKNOWN_USAGE;
  const offers: GroupUser[] = [];
  const goals: GroupUser[] = [];
  for (const item of rows) {
    const model = isRecord(item) && isRecord(item.Goal) ? 'Goal' : 'Offer';
    // A bare flat row could be either; only wrapped rows say which.
    if (!isRecord(item) || !isRecord(item[model])) return UNKNOWN_USAGE;
    const row = readRow(item, model);
    if (row === undefined) return UNKNOWN_USAGE;
    if (row !== 'inactive') (model === 'Goal' ? goals : offers).push(row);
  }
  return { known: true, offers, goals };
}

const usageSchema = z.pipe(z.unknown(), z.transform(readGroupUsage));

/**
 * The group's usage. An unrecognised answer is `{known: false}`; a failed call rejects (the
 * query's error), which the page shows as unknown too.
 */
export function getCashflowGroupUsage(
  id: string,
  signal?: AbortSignal,
): Promise<CashflowGroupUsage> {
  return callHasOffers(
    'CashflowGroup',
    'findCashflowGroupUsage',
    { cashflow_group_id: id },
    { schema: usageSchema, ...(signal && { signal }) },
  );
}
