// The wizard form's zod schema (react-hook-form's zodResolver): messages land on the field
// they are about — name, rules.N.values, affiliateIds — so each shows next to its input.
// Its input and output types are exactly GroupForm (checked in the tests), so zodResolver fits
// useForm<GroupForm> without casts.
import { z } from 'zod/mini';
import { isCountryCode } from './countries';
import { canonicalId, isTargetRuleId } from './values';
import { fieldKind, OPERATORS, RULE_FIELDS } from './types';

export const NAME_MAX_LENGTH = 255;

function quoted(values: string[]): string {
  const shown = values.slice(0, 5).map((v) => `'${v}'`);
  return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}

export const ruleFormSchema = z
  .object({
    field: z.enum(RULE_FIELDS),
    operator: z.enum(OPERATORS),
    values: z.array(z.string()),
    negate: z.boolean(),
  })
  .check(
    z.superRefine((rule, ctx) => {
      const issue = (message: string) =>
        ctx.addIssue({ code: 'custom', path: ['values'], message });
      const values = rule.values.map((v) => v.trim());
      if (values.some((v) => v === '')) issue('Values cannot be blank');
      const filled = values.filter((v) => v !== '');
      if (filled.length === 0) {
        issue('Add at least one value');
        return;
      }
      if (rule.operator === 'IS' && filled.length > 1) {
        issue('“is” compares with one value: keep one, or use “is one of”');
      }
      const kind = fieldKind(rule.field);
      if (kind === 'country') {
        const bad = filled.filter((v) => !isCountryCode(v.toUpperCase()));
        if (bad.length > 0) {
          issue(
            `${quoted(bad)} ${bad.length === 1 ? 'is not a country code' : 'are not country codes'} (ISO 3166-1, like DE)`,
          );
        }
      } else if (kind === 'target-rule') {
        const bad = filled.filter((v) => !isTargetRuleId(v));
        if (bad.length > 0) {
          issue(
            `${quoted(bad)} ${bad.length === 1 ? 'is not a target rule ID' : 'are not target rule IDs'} (whole numbers)`,
          );
        }
      }
    }),
  );

export const groupFormSchema = z
  .object({
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'Name is required'),
        z.maxLength(NAME_MAX_LENGTH, `Name must be at most ${NAME_MAX_LENGTH} characters`),
      ),
    description: z.string(),
    rules: z.array(ruleFormSchema),
    affiliateMode: z.enum(['all', 'selected']),
    affiliateIds: z.array(z.string()),
  })
  .check(
    z.superRefine(
      (form, ctx) => {
        // The ids are ignored for 'all' (the wizard may keep them to restore a later switch back).
        if (form.affiliateMode !== 'selected') return;
        if (form.affiliateIds.length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['affiliateIds'],
            message: 'Choose at least one affiliate, or apply the group to all affiliates',
          });
          return;
        }
        const bad = form.affiliateIds.filter((id) => canonicalId(id) === undefined);
        if (bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['affiliateIds'],
            message: `${quoted(bad)} ${bad.length === 1 ? 'is not an affiliate ID' : 'are not affiliate IDs'} (digits only)`,
          });
        }
      },
      {
        // Run even when other fields fail, so the affiliates step shows its own message on a
        // whole-form validation; only the shape of these two keys must be right.
        when: (payload) => {
          const v = payload.value as
            { affiliateMode?: unknown; affiliateIds?: unknown } | undefined;
          return (
            typeof v === 'object' &&
            v !== null &&
            (v.affiliateMode === 'all' || v.affiliateMode === 'selected') &&
            Array.isArray(v.affiliateIds) &&
            v.affiliateIds.every((id) => typeof id === 'string')
          );
        },
      },
    ),
  );
