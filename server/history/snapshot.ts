// A findCashflowGroupById answer read into the history's GroupSnapshot, and its order-free
// fingerprint: what is compared to tell whether a group changed since the dashboard last saw it.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { GroupSnapshot } from '../storage/history';

// HasOffers sends numbers as strings and may add keys: read loosely, keep only what decides who
// is paid (api-notes.md, "What public recordings of real answers show").
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
const text = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v)));

const rule = z.object({
  field: z.string(),
  operator: z.string(),
  value: z.union([z.array(scalar), scalar.transform((v) => [v])]),
  negate: z
    .union([z.string(), z.number(), z.boolean(), z.null()])
    .optional()
    .transform((v): 0 | 1 => (v === true || v === 1 || v === '1' ? 1 : 0)),
});

const affiliate = z.union([
  z.object({ id: scalar, company: z.string().optional() }),
  scalar.transform((id) => ({ id })),
]);

const group = z.object({
  name: text,
  description: text,
  modified: z.union([z.string(), z.number()]).optional(),
  rules: z.array(rule).optional(),
  affiliates: z.union([z.array(affiliate), z.record(z.string(), affiliate)]).optional(),
  affiliate_ids: z.array(scalar).optional(),
});

/**
 * The group in a findCashflowGroupById `data` (flat, as recorded, or wrapped in CashflowGroup),
 * or undefined when it holds none or cannot be read (the history then records no state).
 */
export function snapshotFromData(data: unknown): GroupSnapshot | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const row =
    'CashflowGroup' in data && typeof data.CashflowGroup === 'object'
      ? { ...data, ...(data.CashflowGroup as object) }
      : data;
  const parsed = group.safeParse(row);
  if (!parsed.success) return undefined;
  const g = parsed.data;
  const affiliates = g.affiliates
    ? Array.isArray(g.affiliates)
      ? g.affiliates
      : Object.values(g.affiliates)
    : (g.affiliate_ids ?? []).map((id) => ({ id }));
  return {
    name: g.name,
    description: g.description,
    ...(g.modified !== undefined && { modified: String(g.modified) }),
    rules: (g.rules ?? []).map((r) => ({
      field: r.field,
      operator: r.operator,
      value: r.value,
      negate: r.negate,
    })),
    affiliates: affiliates.map((a) => ({
      id: a.id,
      ...('company' in a && a.company !== undefined && { company: a.company }),
    })),
  };
}

/** The group in a findCashflowGroupById answer's text (a whole envelope). */
export function snapshotFromAnswer(text: string): GroupSnapshot | undefined {
  try {
    const json = JSON.parse(text) as { response?: { status?: unknown; data?: unknown } };
    if (Number(json.response?.status) !== 1) return undefined;
    return snapshotFromData(json.response?.data);
  } catch {
    return undefined;
  }
}

/**
 * Equal for two snapshots that pay the same partners: rule order, affiliate order, affiliate
 * names and `modified` do not count (all rules must hold; an update bumps `modified`).
 */
export function fingerprint(snapshot: GroupSnapshot): string {
  const rules = snapshot.rules
    .map((r) => JSON.stringify([r.field, r.operator, [...r.value].sort(), r.negate]))
    .sort();
  const affiliates = snapshot.affiliates.map((a) => a.id).sort();
  const canonical = JSON.stringify([snapshot.name.trim(), snapshot.description, rules, affiliates]);
  return createHash('sha256').update(canonical).digest('base64url');
}
