// Reads rules and affiliates from whatever people paste or the API answers, into the form's
// shape, with every problem listed per rule and key. Never throws, never half-imports.
import { splitList } from '@/lib/split-list';
import { isCountryCode } from './countries';
import { canonicalId } from './values';
import {
  fieldKind,
  OPERATORS,
  RULE_FIELDS,
  type ImportError,
  type ImportResult,
  type Operator,
  type RuleField,
  type RuleForm,
} from './types';

/** Bigger pastes are refused rather than parsed: the page must stay responsive. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_RULES = 1000;

type Source = ImportError['source'];
type Rec = Record<string, unknown>;

interface Collected {
  rules?: RuleForm[];
  affiliateIds?: string[];
  affiliateNames?: Record<string, string>;
  name?: string;
  description?: string;
  errors: ImportError[];
}

const FIELD_LIST = 'country, source, aff_sub1–5, adv_sub1–5, advanced_targeting_rule';
const MISSING = 'missing; every rule needs field, operator, value and negate';

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function has(rec: Rec, key: string): boolean {
  return Object.hasOwn(rec, key) && rec[key] !== undefined;
}

/** A short, safe rendering of a bad value for a message. */
function show(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v;
}

function utf8Bytes(text: string): number {
  // Cheap bounds first: every UTF-16 unit is 1–3 bytes.
  if (text.length > MAX_IMPORT_BYTES) return text.length;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function tooLarge(text: string): boolean {
  return utf8Bytes(text) > MAX_IMPORT_BYTES;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const detail = e instanceof Error ? e.message : '';
    return { ok: false, message: `Not valid JSON${detail ? ` (${detail})` : ''}` };
  }
}

function readField(
  raw: unknown,
  push: (key: string, message: string) => void,
): RuleField | undefined {
  if (raw === undefined) {
    push('field', MISSING);
    return undefined;
  }
  const name = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  const field = RULE_FIELDS.find((f) => f === name);
  if (!field) push('field', `${show(raw)} is not a rule field (${FIELD_LIST})`);
  return field;
}

function readOperator(
  raw: unknown,
  push: (key: string, message: string) => void,
): Operator | undefined {
  if (raw === undefined) {
    push('operator', MISSING);
    return undefined;
  }
  const name = typeof raw === 'string' ? raw.trim().toUpperCase() : undefined;
  const op = OPERATORS.find((o) => o === name);
  if (!op) push('operator', `${show(raw)} is not an operator (${OPERATORS.join(', ')})`);
  return op;
}

function readNegate(
  raw: unknown,
  push: (key: string, message: string) => void,
): boolean | undefined {
  if (raw === undefined) {
    push('negate', MISSING);
    return undefined;
  }
  const v = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
  if (v === 1 || v === '1' || v === true || v === 'true') return true;
  if (v === 0 || v === '0' || v === false || v === 'false') return false;
  push('negate', `${show(raw)} is not 0 or 1 (true or false also do)`);
  return undefined;
}

/** One entry of `value`, checked against the field (or as plain text when the field is bad). */
function readValue(
  field: RuleField | undefined,
  raw: unknown,
  position: string,
  push: (key: string, message: string) => void,
): string | undefined {
  const kind = field ? fieldKind(field) : 'text';
  if (kind === 'target-rule') {
    const id =
      typeof raw === 'number'
        ? Number.isSafeInteger(raw) && raw > 0
          ? String(raw)
          : undefined
        : typeof raw === 'string'
          ? canonicalId(raw)
          : undefined;
    if (id === undefined)
      push('value', `${show(raw)}${position} is not a target rule ID (a whole number)`);
    return id;
  }
  let text: string | undefined;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  if (text === undefined) {
    push('value', `${show(raw)}${position} is not text`);
    return undefined;
  }
  if (text === '') {
    push('value', `an empty value${position}; remove it or fill it in`);
    return undefined;
  }
  if (kind === 'country') {
    const code = text.toUpperCase();
    if (!isCountryCode(code)) {
      push('value', `${show(text)}${position} is not an ISO 3166-1 country code`);
      return undefined;
    }
    return code;
  }
  return text;
}

/** HasOffers sometimes wraps a row in its model name: {"CashflowRule": {...}}. */
function unwrapModel(raw: unknown, marker: string): unknown {
  if (!isRecord(raw) || has(raw, marker)) return raw;
  const keys = Object.keys(raw);
  if (keys.length === 1) {
    const inner = raw[keys[0] as string];
    if (isRecord(inner) && has(inner, marker)) return inner;
  }
  return raw;
}

function readRule(raw: unknown, index: number, errors: ImportError[]): RuleForm | undefined {
  const before = errors.length;
  const push = (key: string, message: string) =>
    errors.push({ source: 'rules_json', ruleIndex: index, key, message });
  const rec = unwrapModel(raw, 'field');
  if (!isRecord(rec)) {
    errors.push({
      source: 'rules_json',
      ruleIndex: index,
      message: `${show(raw)} is not a rule; a rule is an object with field, operator, value and negate`,
    });
    return undefined;
  }
  const get = (k: string) => (Object.hasOwn(rec, k) ? rec[k] : undefined);
  const field = readField(get('field'), push);
  const operator: Operator | undefined = readOperator(get('operator'), push);
  const rawValue = get('value');
  const values: string[] = [];
  if (rawValue === undefined || rawValue === null) {
    push('value', MISSING);
  } else {
    const entries = Array.isArray(rawValue) ? rawValue : [rawValue];
    if (entries.length === 0) push('value', 'has no values; add at least one');
    entries.forEach((entry: unknown, i) => {
      const position = entries.length > 1 ? ` (entry ${i + 1})` : '';
      const v = readValue(field, entry, position, push);
      if (v !== undefined) values.push(v);
    });
  }
  const negate = readNegate(get('negate'), push);
  if (errors.length > before || !field || !operator || negate === undefined) return undefined;
  return { field, operator, values, negate };
}

function tooManyRules(count: number, source: Source): ImportError {
  return {
    source,
    message: `This holds ${count.toLocaleString('en')} rules; at most ${MAX_IMPORT_RULES.toLocaleString('en')} can be imported at a time`,
  };
}

/** rules_json as a JSON string (even double-encoded), an array, or the API's id-keyed object. */
function readRules(value: unknown, out: Collected, depth = 0): void {
  if (typeof value === 'string' && depth < 2) {
    if (tooLarge(value)) {
      out.errors.push({ source: 'rules_json', message: 'rules_json is larger than 1 MB' });
      return;
    }
    const parsed = parseJson(value.trim());
    if (!parsed.ok) {
      out.errors.push({ source: 'rules_json', message: parsed.message });
      return;
    }
    readRules(parsed.value, out, depth + 1);
    return;
  }
  let list: unknown[];
  if (Array.isArray(value)) list = value;
  else if (isRecord(value) && !has(value, 'field') && Object.keys(value).length > 0) {
    list = Object.values(value);
  } else {
    const hint = isRecord(value) && has(value, 'field') ? '; wrap a single rule in [ ]' : '';
    out.errors.push({
      source: 'rules_json',
      message: `rules_json must be an array of rules, not ${show(value)}${hint}`,
    });
    return;
  }
  if (list.length > MAX_IMPORT_RULES) {
    out.errors.push(tooManyRules(list.length, 'rules_json'));
    return;
  }
  const rules: RuleForm[] = [];
  list.forEach((raw, i) => {
    const rule = readRule(raw, i, out.errors);
    if (rule) rules.push(rule);
  });
  out.rules = rules;
}

/** affiliate_ids_json: ids as strings or numbers, or the API's [{id, company}] (or id-keyed). */
function readAffiliates(value: unknown, out: Collected, depth = 0): void {
  const source = 'affiliate_ids_json';
  if (typeof value === 'string' && depth < 2) {
    const text = value.trim();
    if (text === '') {
      out.affiliateIds = [];
      return;
    }
    const parsed = parseJson(text);
    if (parsed.ok) readAffiliates(parsed.value, out, depth + 1);
    // People paste plain lists too: "2, 4 6".
    else if (/^[\d\s,;]+$/.test(text)) readAffiliates(splitList(text), out, depth + 1);
    else out.errors.push({ source, message: parsed.message });
    return;
  }
  let list: unknown[];
  if (value === null) list = [];
  else if (Array.isArray(value)) list = value;
  else if (typeof value === 'number' || typeof value === 'string') list = [value];
  else if (isRecord(value)) list = Object.values(value);
  else {
    out.errors.push({
      source,
      message: `affiliate_ids_json must be an array of IDs, not ${show(value)}`,
    });
    return;
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  const names: Record<string, string> = {};
  list.forEach((entry0, i) => {
    const entry = unwrapModel(entry0, 'id');
    const rawId = isRecord(entry) ? entry.id : entry;
    const id =
      typeof rawId === 'number'
        ? Number.isSafeInteger(rawId) && rawId > 0
          ? String(rawId)
          : undefined
        : typeof rawId === 'string'
          ? canonicalId(rawId)
          : undefined;
    if (id === undefined) {
      const position = list.length > 1 ? ` (entry ${i + 1})` : '';
      out.errors.push({
        source,
        key: 'id',
        message: `${show(rawId)}${position} is not an affiliate ID; IDs are digits`,
      });
      return;
    }
    if (isRecord(entry) && typeof entry.company === 'string' && entry.company.trim()) {
      names[id] = entry.company.trim();
    }
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  });
  out.affiliateIds = ids;
  if (Object.keys(names).length > 0) out.affiliateNames = names;
}

const GROUP_KEYS = ['rules', 'CashflowGroup', 'affiliates', 'affiliate_ids'];

/** Whether a parsed value is a whole group (envelope, its data, or the rules_json pair). */
function isWhole(value: unknown): value is Rec {
  return (
    isRecord(value) &&
    (isRecord(value.response) ||
      has(value, 'rules_json') ||
      has(value, 'affiliate_ids_json') ||
      GROUP_KEYS.some((k) => has(value, k)))
  );
}

/** A findCashflowGroupById `data`: {CashflowGroup:{…}, rules, affiliates} or flat. */
function readGroup(data: Rec, out: Collected): void {
  const group = isRecord(data.CashflowGroup) ? data.CashflowGroup : data;
  const pick = (k: string) => (has(data, k) ? data[k] : has(group, k) ? group[k] : undefined);
  readRules(pick('rules') ?? [], out);
  readAffiliates(pick('affiliates') ?? pick('affiliate_ids') ?? [], out);
  if (typeof group.name === 'string') out.name = group.name.trim();
  if (typeof group.description === 'string') out.description = group.description;
  else if (group.description === null) out.description = '';
}

function readWhole(value: Rec, out: Collected): void {
  if (isRecord(value.response)) {
    const response = value.response;
    if (Number(response.status) !== 1) {
      const why = typeof response.errorMessage === 'string' ? `: ${response.errorMessage}` : '';
      out.errors.push({
        source: 'input',
        message: `This is a HasOffers error answer, not a group${why}`,
      });
      return;
    }
    const data = response.data;
    if (!isWhole(data) || isRecord(data.response)) {
      out.errors.push({
        source: 'input',
        message: 'This HasOffers answer holds no group (expected a findCashflowGroupById answer)',
      });
      return;
    }
    readWhole(data, out);
    return;
  }
  if (has(value, 'rules_json') || has(value, 'affiliate_ids_json')) {
    if (!has(value, 'rules_json')) {
      out.errors.push({ source: 'rules_json', message: 'rules_json is missing' });
    } else {
      readRules(value.rules_json, out);
    }
    readAffiliates(value.affiliate_ids_json ?? [], out);
    return;
  }
  readGroup(value, out);
}

function finish(out: Collected): ImportResult {
  if (out.errors.length > 0) return { ok: false, errors: out.errors };
  return {
    ok: true,
    rules: out.rules ?? [],
    affiliateIds: out.affiliateIds ?? [],
    ...(out.name !== undefined && { name: out.name }),
    ...(out.description !== undefined && { description: out.description }),
    ...(out.affiliateNames !== undefined && { affiliateNames: out.affiliateNames }),
  };
}

function failure(message: string, source: Source = 'input'): ImportResult {
  return { ok: false, errors: [{ source, message }] };
}

const EXPECTED =
  'Expected a rules array, {"rules_json", "affiliate_ids_json"}, or a findCashflowGroupById answer';

/**
 * Accepts a rules array, the {rules_json, affiliate_ids_json} pair (strings or parsed), a whole
 * findCashflowGroupById answer or its data, or any of these as JSON text.
 */
export function fromPayload(input: unknown): ImportResult {
  try {
    let value = input;
    if (typeof value === 'string') {
      if (tooLarge(value)) return failure('The input is larger than 1 MB');
      const parsed = parseJson(value.trim());
      if (!parsed.ok) return failure(parsed.message);
      value = parsed.value;
    }
    const out: Collected = { errors: [] };
    if (Array.isArray(value)) {
      readRules(value, out);
      out.affiliateIds = [];
    } else if (isWhole(value)) {
      readWhole(value, out);
    } else {
      return failure(`${EXPECTED}, not ${show(value)}`);
    }
    return finish(out);
  } catch {
    // Defensive: inputs we could not foresee (exotic objects) are refused, never thrown.
    return failure('This input could not be read');
  }
}

/**
 * The import dialog's two boxes. Either may hold a whole findCashflowGroupById answer (or the
 * pair); otherwise the first holds rules_json and the second affiliate_ids_json, where empty
 * means all affiliates and a plain "2, 4, 6" list is accepted.
 */
export function parseImport(rulesText: string, affiliatesText: string): ImportResult {
  try {
    const errors: ImportError[] = [];
    if (tooLarge(rulesText)) {
      errors.push({
        source: 'rules_json',
        message: 'rules_json is larger than 1 MB; import less at a time',
      });
    }
    if (tooLarge(affiliatesText)) {
      errors.push({
        source: 'affiliate_ids_json',
        message: 'affiliate_ids_json is larger than 1 MB; import less at a time',
      });
    }
    if (errors.length > 0) return { ok: false, errors };
    const rulesBox = rulesText.trim();
    const affBox = affiliatesText.trim();
    if (rulesBox === '' && affBox === '') {
      return failure('Paste rules_json (use [] for a group without rules)', 'rules_json');
    }

    const out: Collected = { errors: [] };
    let wholeFromRules = false;
    if (rulesBox !== '') {
      const parsed = parseJson(rulesBox);
      if (!parsed.ok) out.errors.push({ source: 'rules_json', message: parsed.message });
      else if (isWhole(parsed.value)) {
        readWhole(parsed.value, out);
        wholeFromRules = true;
      } else readRules(parsed.value, out);
    }

    if (affBox !== '') {
      const parsed = parseJson(affBox);
      if (parsed.ok && isWhole(parsed.value)) {
        const other: Collected = { errors: [] };
        readWhole(parsed.value, other);
        out.errors.push(...other.errors);
        // The explicit box wins: rules come from the rules box when it has any.
        if (rulesBox === '') {
          if (other.rules) out.rules = other.rules;
          if (other.name !== undefined) out.name = other.name;
          if (other.description !== undefined) out.description = other.description;
        }
        if (other.affiliateIds) out.affiliateIds = other.affiliateIds;
        if (other.affiliateNames) out.affiliateNames = other.affiliateNames;
        else delete out.affiliateNames;
      } else {
        const aff: Collected = { errors: [] };
        readAffiliates(affBox, aff);
        out.errors.push(...aff.errors);
        out.affiliateIds = aff.affiliateIds ?? [];
        if (aff.affiliateNames) out.affiliateNames = aff.affiliateNames;
        else delete out.affiliateNames;
        if (rulesBox === '') {
          out.errors.unshift({
            source: 'rules_json',
            message: 'Paste rules_json (use [] for a group without rules)',
          });
        }
      }
    } else if (!wholeFromRules) {
      // An empty affiliates box means the group applies to all affiliates.
      out.affiliateIds = [];
    }
    return finish(out);
  } catch {
    return failure('This input could not be read');
  }
}

/** "Rule 3 · value: 'XX' is not an ISO 3166-1 country code" — one line per error. */
export function formatImportError(e: ImportError): string {
  if (e.ruleIndex !== undefined) {
    return `Rule ${e.ruleIndex + 1}${e.key ? ` · ${e.key}` : ''}: ${e.message}`;
  }
  if (e.source === 'affiliate_ids_json') return `affiliate_ids_json: ${e.message}`;
  return e.message;
}
