// Saves and restores the wizard's unfinished form (localStorage text): a stored draft that is
// corrupt or from an older version is discarded, never trusted and never thrown.
import { z } from 'zod/mini';
import { OPERATORS, RULE_FIELDS, type GroupForm } from './types';

/** Bump when the stored shape changes; older drafts are then reported 'outdated'. */
export const DRAFT_VERSION = 1;

/**
 * The longest unconfirmed value text a draft keeps per rule. Typed text, not a pasted list (a
 * paste with separators becomes values at once): a bound this far above any real value only
 * keeps a stored draft from growing without limit. Longer text is cut, never the draft lost.
 */
export const PENDING_VALUE_MAX_LENGTH = 2000;

export interface Draft {
  form: GroupForm;
  step: number;
  savedAt: string;
  /** Kept so a create retried after a reload reuses the key and cannot create twice. */
  idempotencyKey?: string;
  /**
   * Text typed into a rule's value box but not yet confirmed (no Enter, comma or blur), by rule
   * index: a reload gives it back to the box as typed, still unconfirmed.
   */
  pendingValues?: ReadonlyMap<number, string>;
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
          // Optional, so a draft saved before it existed still restores (same version).
          pendingValue: z.optional(
            z.string().check(z.minLength(1), z.maxLength(PENDING_VALUE_MAX_LENGTH)),
          ),
        }),
      )
      .check(z.maxLength(1000)),
    affiliateMode: z.enum(['all', 'selected']),
    affiliateIds: z.array(z.string()),
  }),
});

export function serializeDraft(d: Draft): string {
  const { form, step, savedAt, idempotencyKey, pendingValues } = d;
  const pendingAt = (i: number) => {
    // Whitespace alone is nothing typed: the box would not make a value of it either.
    const text = pendingValues?.get(i);
    return text === undefined || text.trim() === ''
      ? undefined
      : text.slice(0, PENDING_VALUE_MAX_LENGTH);
  };
  return JSON.stringify({
    version: DRAFT_VERSION,
    savedAt,
    step,
    ...(idempotencyKey !== undefined && { idempotencyKey }),
    form: {
      name: form.name,
      description: form.description,
      rules: form.rules.map((r, i) => {
        const pendingValue = pendingAt(i);
        return {
          field: r.field,
          operator: r.operator,
          values: [...r.values],
          negate: r.negate,
          ...(pendingValue !== undefined && { pendingValue }),
        };
      }),
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
  const pendingValues = new Map<number, string>();
  const rules = form.rules.map(({ pendingValue, ...rule }, i) => {
    if (pendingValue !== undefined) pendingValues.set(i, pendingValue);
    return rule;
  });
  return {
    ok: true,
    value: {
      form: { ...form, rules },
      step,
      savedAt,
      ...(idempotencyKey !== undefined && { idempotencyKey }),
      ...(pendingValues.size > 0 && { pendingValues }),
    },
  };
}
