// The BFF's /api/history answers, read with zod: the recorded changes of cashflow groups.
import { z } from 'zod/mini';

export const CHANGE_KINDS = [
  'create',
  'update',
  'clone',
  'restore',
  'bulk-membership',
  'seen',
  'outside',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type ChangeState = 'pending' | 'done' | 'failed' | 'unknown';

/**
 * A group as recorded (findCashflowGroupById's flat shape, normalised by the BFF): what the
 * cashflow-groups feature reads with fromPayload. Kept loose here: this feature only passes it on.
 */
const recordedGroupSchema = z.looseObject({
  name: z.string(),
  description: z.string(),
  modified: z.optional(z.string()),
  rules: z.array(z.unknown()),
  affiliates: z.array(z.looseObject({ id: z.string(), company: z.optional(z.string()) })),
});
export type RecordedGroup = z.infer<typeof recordedGroupSchema>;

const recordedRequestSchema = z.looseObject({
  Target: z.string(),
  Method: z.string(),
  id: z.optional(z.string()),
  name: z.string(),
  description: z.string(),
  rules_json: z.string(),
  affiliate_ids_json: z.string(),
});

export const changeSchema = z.object({
  id: z.number(),
  groupId: z.nullable(z.string()),
  kind: z.enum(CHANGE_KINDS),
  user: z.string(),
  requestedAt: z.string(),
  state: z.enum(['pending', 'done', 'failed', 'unknown']),
  outcomeAt: z.nullable(z.string()),
  restoredFrom: z.nullable(z.number()),
  request: z.nullable(recordedRequestSchema),
  group: z.nullable(recordedGroupSchema),
  answer: z.optional(z.nullable(z.string())),
});
export type Change = z.infer<typeof changeSchema>;

export const changePageSchema = z.object({
  items: z.array(changeSchema),
  total: z.number(),
});
export type ChangePage = z.infer<typeof changePageSchema>;

export const usersSchema = z.object({ users: z.array(z.string()) });
