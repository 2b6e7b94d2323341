// Saves and restores the wizard's unfinished form (localStorage text): a stored draft that is
// corrupt or from an older version is discarded, never trusted and never thrown.
import { z } from 'zod/mini';
import { OPERATORS, RULE_FIELDS, type GroupForm } from './types';

/** Bump when the stored shape changes; older drafts are then reported 'outdated'. */
export const DRAFT_VERSION = 1;

export interface Draft {
  form: GroupForm;
  step: number;
  savedAt: string;
  /** Kept so a create retried after a reload reuses the key and cannot create twice. */
  idempotencyKey?: string;
}

export type RestoredDraft =
  { ok: true; value: Draft } | { ok: false; reason: 'none' | 'corrupt' | 'outdated' };

// Looser than groupFormSchema on purpose: a draft may be half-filled (empty name, a rule
// without values); it only has to have the right shape.
const draftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  savedAt: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')),
  step: z.int().check(z.minimum(0), z.maximum(100)),
  idempotencyKey: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  form: z.object({
    name: z.string(),
    description: z.string(),
    rules: z
      .array(
        z.object({
          field: z.enum(RULE_FIELDS),
          operator: z.enum(OPERATORS),
          values: z.array(z.string()),
          negate: z.boolean(),
        }),
      )
      .check(z.maxLength(1000)),
    affiliateMode: z.enum(['all', 'selected']),
    affiliateIds: z.array(z.string()),
  }),
});

export function serializeDraft(d: Draft): string {
  const { form, step, savedAt, idempotencyKey } = d;
  return JSON.stringify({
    version: DRAFT_VERSION,
    savedAt,
    step,
    ...(idempotencyKey !== undefined && { idempotencyKey }),
    form: {
      name: form.name,
      description: form.description,
      rules: form.rules.map((r) => ({
        field: r.field,
        operator: r.operator,
        values: [...r.values],
        negate: r.negate,
      })),
      affiliateMode: form.affiliateMode,
      affiliateIds: [...form.affiliateIds],
    },
  });
}

export function restoreDraft(raw: string | null): RestoredDraft {
  if (raw === null || raw.trim() === '') return { ok: false, reason: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'corrupt' };
  }
  const version = (parsed as { version?: unknown }).version;
  if (typeof version === 'number' && version !== DRAFT_VERSION) {
    // Another shape: newer or older, we cannot read it safely.
    return { ok: false, reason: 'outdated' };
  }
  if (version === undefined) return { ok: false, reason: 'outdated' };
  const result = draftSchema.safeParse(parsed);
  if (!result.success) return { ok: false, reason: 'corrupt' };
  const { form, step, savedAt, idempotencyKey } = result.data;
  return {
    ok: true,
    value: { form, step, savedAt, ...(idempotencyKey !== undefined && { idempotencyKey }) },
  };
}
