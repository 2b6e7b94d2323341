// zod schemas for the Exness rebate-groups list answer (api-notes §1); types come from them.
import { z } from 'zod/mini';

// Enumerations are read as plain strings: a new value from the vendor should show up in the
// table as-is, not fail the whole list. The UI labels the values it knows.
export const rebateGroupSchema = z.object({
  id: z.int(),
  partner_uid: z.string(),
  group_title: z.string(),
  group_type: z.string(),
  clients_count: z.number(),
  rebate_percent: z.number(),
  created: z.string(),
  is_default: z.boolean(),
  rebate_size: z.object({ min: z.number(), max: z.number() }),
  rebate_period: z.string(),
  rebate_period_value: z.pipe(
    z.nullish(z.number()),
    z.transform((v) => v ?? null),
  ),
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
  totals: z.object({
    count: z.int().check(z.minimum(0)),
    clients: z.number().check(z.minimum(0)),
  }),
});
export type RebateGroupList = z.infer<typeof rebateGroupListSchema>;
