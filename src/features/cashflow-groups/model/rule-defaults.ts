// New rules and forms, and what survives when a rule row changes its field.
import { isCountryCode } from './countries';
import {
  fieldKind,
  OPERATORS,
  type GroupForm,
  type Operator,
  type RuleField,
  type RuleForm,
} from './types';

export function emptyRule(field: RuleField = 'country'): RuleForm {
  return { field, operator: 'IN', values: [], negate: false };
}

export function emptyGroupForm(): GroupForm {
  return { name: '', description: '', rules: [], affiliateMode: 'all', affiliateIds: [] };
}

/**
 * The operators a field's editor offers. Countries and target-rule ids are picked from lists,
 * so prefix/substring matches on them mean nothing; the API would still take them, and import
 * keeps them.
 */
export function operatorsFor(field: RuleField): readonly Operator[] {
  return fieldKind(field) === 'text' ? OPERATORS : (['IN', 'IS'] as const);
}

/**
 * A row's field changed: keep what still fits, reset the rest.
 * - values: kept between text fields; country codes kept when moving to country only if they are
 *   valid codes (upper-cased: "de" from a sub field becomes DE); target-rule ids never move to or
 *   from another field, and country codes are not carried into text fields (a code list as
 *   sub values is an accident, not an intent).
 * - operator: kept when the new field offers it, else IN.
 * - negate: always kept ("is not" is the user's intent, whatever the field).
 */
export function applyFieldChange(rule: RuleForm, field: RuleField): RuleForm {
  if (rule.field === field) return rule;
  const from = fieldKind(rule.field);
  const to = fieldKind(field);
  let values: string[];
  if (to === 'text') {
    values = from === 'text' ? [...rule.values] : [];
  } else if (to === 'country') {
    values =
      from === 'target-rule'
        ? []
        : unique(rule.values.map((v) => v.trim().toUpperCase()).filter((v) => isCountryCode(v)));
  } else {
    values = [];
  }
  const operator = operatorsFor(field).includes(rule.operator) ? rule.operator : 'IN';
  return { field, operator, values, negate: rule.negate };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
