// zod schemas for the Exness rebate-groups list answer (api-notes §1); types come from them.
import { safeParse, z, type core } from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import { issueText } from '@/lib/http';

/** A plain decimal as Django REST Framework writes one: "35.50", "-1", "0.00", "1e3". */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number sent either as a JSON number or as a numeric string: the reference says `number`,
 * but DRF serialises decimals as strings by default ("35.50"). This is the one place that
 * decides; the table, sort, totals and CSV all see the number.
 */
export function exnessNumber({ whole = false }: { whole?: boolean } = {}) {
  return z.transform((v: unknown, ctx): number => {
    const text = typeof v === 'string' ? v.trim() : undefined;
    const n =
      typeof v === 'number'
        ? v
        : text !== undefined && NUMERIC_TEXT.test(text)
          ? Number(text)
          : NaN;
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) {
      ctx.issues.push({
        code: 'custom',
        message: `is not ${whole ? 'a whole number' : 'a number'}: ${v === undefined ? 'missing' : JSON.stringify(v)}`,
        input: v,
      });
      return z.NEVER;
    }
    return n;
  });
}

/** The same, where null, a missing key or "" mean "not set". */
function optionalExnessNumber() {
  const read = exnessNumber();
  return z.transform((v: unknown, ctx): number | null => {
    if (v === null || v === undefined || v === '') return null;
    const r = read.safeParse(v);
    if (r.success) return r.data;
    ctx.issues.push({
      code: 'custom',
      message: r.error.issues[0]?.message ?? 'is not a number',
      input: v,
    });
    return z.NEVER;
  });
}

const count = () => z.pipe(exnessNumber({ whole: true }), z.number().check(z.minimum(0)));

// Enumerations are read as plain strings: a new value from the vendor should show up in the
// table as-is, not fail the whole list. The UI labels the values it knows.
export const rebateGroupSchema = z.object({
  id: exnessNumber({ whole: true }),
  partner_uid: z.string(),
  group_title: z.string(),
  group_type: z.string(),
  clients_count: exnessNumber(),
  rebate_percent: exnessNumber(),
  created: z.string(),
  is_default: z.boolean(),
  rebate_size: z.object({ min: exnessNumber(), max: exnessNumber() }),
  rebate_period: z.string(),
  rebate_period_value: optionalExnessNumber(),
  rebate_period_start: z.pipe(
    z.nullish(z.string()),
    z.transform((v) => v || null),
  ),
  rebate_period_end: z.pipe(
    z.nullish(z.string()),
    z.transform((v) => v || null),
  ),
  link_code: z.pipe(
    z.nullish(z.string()),
    z.transform((v) => v ?? ''),
  ),
});
export type RebateGroup = z.infer<typeof rebateGroupSchema>;

export const rebateGroupListSchema = z.object({
  data: z.array(rebateGroupSchema),
  totals: z.object({ count: count(), clients: count() }),
});
export type RebateGroupList = z.infer<typeof rebateGroupListSchema>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "rebate_percent of group 17 is not a number: "abc"": the field, the group, the value. */
function describeIssue(issue: core.$ZodIssue, raw: unknown): string {
  const [top, index, ...rest] = issue.path;
  const field = rest.map(String).join('.');
  const what =
    issue.code === 'custom'
      ? issue.message
      : issueText({ ...issue, path: [] }).replace('(the answer): ', '');
  if (top === 'data' && typeof index === 'number' && field) {
    const rows = isRecord(raw) && Array.isArray(raw.data) ? raw.data : [];
    const row: unknown = rows[index];
    const id =
      isRecord(row) && (typeof row.id === 'number' || typeof row.id === 'string')
        ? row.id
        : undefined;
    const group = id !== undefined && field !== 'id' ? `group ${String(id)}` : `row ${index + 1}`;
    return `${field} of ${group} ${what}`;
  }
  const where = issue.path.map(String).join('.');
  return where ? `${where} ${what}` : `the answer ${what}`;
}

/**
 * The list answer, validated. A value that does not read (a non-numeric rebate_percent) is an
 * ApiError that names the field, the group and the value, not a blank page.
 */
export function readRebateGroupList(raw: unknown): RebateGroupList {
  const parsed = safeParse(rebateGroupListSchema, raw);
  if (parsed.success) return parsed.data;
  const [first] = parsed.error.issues;
  throw new ApiError({
    kind: 'invalid-response',
    message: first
      ? `The Exness API answered in an unexpected form: ${describeIssue(first, raw)}.`
      : 'The Exness API answered in an unexpected form.',
    details: parsed.error.issues.slice(0, 5).map(issueText),
  });
}
