// Strict validation of createCashflowGroup/updateCashflowGroup parameters: name, description,
// rules_json and affiliate_ids_json. Every message names the parameter, the rule and the key.
import countries from 'i18n-iso-countries';
import { isParamMap, type PhpParam, type PhpParams } from './php-params';
import {
  RULE_FIELDS,
  RULE_OPERATORS,
  type CashflowRule,
  type RuleField,
  type RuleOperator,
} from './seed';

/**
 * Open question (api-notes.md): does the real API keep `IS` or store it as `IN`? The emulator
 * keeps it; flip this one line if a real account shows otherwise.
 */
export const IS_OPERATOR_STORED_AS: RuleOperator = 'IS';

export const NAME_MAX_LENGTH = 255;
/** A MySQL TEXT column; the real limit is undocumented. */
export const DESCRIPTION_MAX_LENGTH = 65_535;
const RULE_KEYS = ['field', 'operator', 'value', 'negate'] as const;

export interface ValidationContext {
  affiliateExists(id: number): boolean;
  targetRuleExists(id: number): boolean;
  /** The id of the group already called `name` (case-insensitive), if any. */
  groupIdByName(name: string): number | undefined;
}

export interface GroupInput {
  name: string;
  description: string | null;
  rules: CashflowRule[];
  affiliateIds: number[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** ISO 3166-1 alpha-2, upper case only: the list HasOffers' country picker uses. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

const show = (value: unknown): string => {
  if (typeof value === 'string') return `'${value}'`;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonParam(
  name: string,
  raw: PhpParam | undefined,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (raw === undefined) return { ok: false, error: `${name}: is required (use [] for none)` };
  if (typeof raw !== 'string') {
    return { ok: false, error: `${name}: must be a JSON-encoded string, not a bracket array` };
  }
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, error: `${name}: is not valid JSON` };
  }
}

function checkValues(
  where: string,
  field: RuleField,
  value: unknown,
  ctx: ValidationContext,
  errors: string[],
): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push(`${where}.value: must be a non-empty array`);
    return undefined;
  }
  const out: string[] = [];
  const before = errors.length;
  for (const item of value as unknown[]) {
    if (field === 'advanced_targeting_rule') {
      const id =
        typeof item === 'number' && Number.isInteger(item) && item > 0
          ? item
          : typeof item === 'string' && /^[1-9]\d*$/.test(item)
            ? Number(item)
            : undefined;
      if (id === undefined) {
        errors.push(`${where}.value: ${show(item)} is not a target rule id`);
      } else if (!ctx.targetRuleExists(id)) {
        errors.push(`${where}.value: target rule ${show(item)} does not exist`);
      } else out.push(String(id));
    } else if (typeof item !== 'string') {
      errors.push(`${where}.value: ${show(item)} must be a string for field '${field}'`);
    } else if (field === 'country') {
      if (isCountryCode(item)) out.push(item);
      else errors.push(`${where}.value: country ${show(item)} is not an ISO 3166-1 alpha-2 code`);
    } else if (item.trim() === '') {
      errors.push(`${where}.value: values must not be empty strings`);
    } else out.push(item);
  }
  return errors.length === before ? out : undefined;
}

function parseNegate(value: unknown): 0 | 1 | undefined {
  if (value === 0 || value === '0') return 0;
  if (value === 1 || value === '1') return 1;
  return undefined;
}

/** `rules_json`: a JSON array of objects with exactly field, operator, value and negate. */
export function validateRulesJson(
  raw: PhpParam | undefined,
  ctx: ValidationContext,
): Validated<CashflowRule[]> {
  const parsed = parseJsonParam('rules_json', raw);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  if (!Array.isArray(parsed.value)) {
    return { ok: false, errors: ['rules_json: must be a JSON array of rule objects'] };
  }
  const errors: string[] = [];
  const rules: CashflowRule[] = [];
  (parsed.value as unknown[]).forEach((rule, index) => {
    const where = `rules_json[${index}]`;
    if (!isPlainObject(rule)) {
      errors.push(`${where}: must be an object with keys field, operator, value, negate`);
      return;
    }
    const before = errors.length;
    for (const key of RULE_KEYS) {
      if (!(key in rule)) errors.push(`${where}: missing key '${key}'`);
    }
    for (const key of Object.keys(rule)) {
      if (!(RULE_KEYS as readonly string[]).includes(key)) {
        errors.push(`${where}: unexpected key '${key}' (allowed: ${RULE_KEYS.join(', ')})`);
      }
    }
    const field = rule.field;
    const fieldOk = typeof field === 'string' && (RULE_FIELDS as readonly string[]).includes(field);
    if ('field' in rule && !fieldOk) errors.push(`${where}.field: unknown field ${show(field)}`);
    const operator = rule.operator;
    const operatorOk =
      typeof operator === 'string' && (RULE_OPERATORS as readonly string[]).includes(operator);
    if ('operator' in rule && !operatorOk) {
      errors.push(
        `${where}.operator: unknown operator ${show(operator)} (allowed: ${RULE_OPERATORS.join(', ')})`,
      );
    }
    const values =
      'value' in rule && fieldOk
        ? checkValues(where, field as RuleField, rule.value, ctx, errors)
        : undefined;
    const negate = parseNegate(rule.negate);
    if ('negate' in rule && negate === undefined) {
      errors.push(`${where}.negate: ${show(rule.negate)} must be 0 or 1`);
    }
    if (errors.length === before && values && negate !== undefined) {
      const op = operator as RuleOperator;
      rules.push({
        field: field as RuleField,
        operator: op === 'IS' ? IS_OPERATOR_STORED_AS : op,
        value: values,
        negate,
      });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: rules };
}

/** `affiliate_ids_json`: a JSON array of existing affiliate ids (strings; numbers accepted). */
export function validateAffiliateIdsJson(
  raw: PhpParam | undefined,
  ctx: ValidationContext,
): Validated<number[]> {
  const parsed = parseJsonParam('affiliate_ids_json', raw);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  if (!Array.isArray(parsed.value)) {
    return { ok: false, errors: ['affiliate_ids_json: must be a JSON array of affiliate ids'] };
  }
  const errors: string[] = [];
  const ids: number[] = [];
  (parsed.value as unknown[]).forEach((item, index) => {
    const where = `affiliate_ids_json[${index}]`;
    const id =
      typeof item === 'number' && Number.isInteger(item) && item > 0
        ? item
        : typeof item === 'string' && /^[1-9]\d*$/.test(item)
          ? Number(item)
          : undefined;
    if (id === undefined) errors.push(`${where}: ${show(item)} is not an affiliate id`);
    else if (!ctx.affiliateExists(id))
      errors.push(`${where}: affiliate ${show(item)} does not exist`);
    else if (!ids.includes(id)) ids.push(id);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: ids };
}

function validateName(
  raw: PhpParam | undefined,
  ctx: ValidationContext,
  exceptGroupId: number | undefined,
  errors: string[],
): string | undefined {
  if (raw === undefined) {
    errors.push('name: is required');
    return undefined;
  }
  if (typeof raw !== 'string') {
    errors.push('name: must be a string');
    return undefined;
  }
  const name = raw.trim();
  if (name === '') errors.push('name: must not be empty');
  else if ([...name].length > NAME_MAX_LENGTH) {
    errors.push(`name: must be at most ${NAME_MAX_LENGTH} characters`);
  } else {
    const owner = ctx.groupIdByName(name);
    if (owner !== undefined && owner !== exceptGroupId) {
      errors.push(`A cashflow group named '${name}' already exists`);
    } else return name;
  }
  return undefined;
}

function validateDescription(raw: PhpParam | undefined, errors: string[]): string | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || isParamMap(raw)) {
    errors.push('description: must be a string');
    return null;
  }
  if ([...raw].length > DESCRIPTION_MAX_LENGTH) {
    errors.push(`description: must be at most ${DESCRIPTION_MAX_LENGTH} characters`);
  }
  return raw;
}

/** Everything create and update take; update passes its own id so its name is not a clash. */
export function validateGroupParams(
  params: PhpParams,
  ctx: ValidationContext,
  exceptGroupId?: number,
): Validated<GroupInput> {
  const errors: string[] = [];
  const name = validateName(params.name, ctx, exceptGroupId, errors);
  const description = validateDescription(params.description, errors);
  const rules = validateRulesJson(params.rules_json, ctx);
  if (!rules.ok) errors.push(...rules.errors);
  const affiliates = validateAffiliateIdsJson(params.affiliate_ids_json, ctx);
  if (!affiliates.ok) errors.push(...affiliates.errors);
  if (errors.length > 0 || name === undefined || !rules.ok || !affiliates.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { name, description, rules: rules.value, affiliateIds: affiliates.value },
  };
}
