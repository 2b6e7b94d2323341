// The (Target, Method) pairs the emulator implements, as pure functions of the parsed params and
// the store. Row shapes (numbers as strings; the recorded shape of each answer) are defined here.
import countries from 'i18n-iso-countries';
import { findRows, type FindResult, type ModelSpec, type Row } from './find';
import { IdKeyed, hoFailure, hoInvalid, hoOk, type HoOutcome } from './envelope';
import { stringParam, type PhpParam, type PhpParams } from './php-params';
import {
  RULE_FIELDS,
  RULE_OPERATORS,
  SEED_GOALS,
  SEED_OFFERS,
  type Affiliate,
  type CashflowGroup,
  type CashflowRule,
  type GroupUser,
  type TargetRule,
} from './seed';
import type { HasOffersStore } from './store';
import { validateGroupParams } from './validate-rules';

export const AFFILIATE_MODEL: ModelSpec = {
  name: 'Affiliate',
  fields: {
    id: 'number',
    company: 'string',
    status: 'string',
    country: 'string',
    city: 'string',
    website: 'string',
    account_manager_id: 'number',
    date_added: 'string',
  },
};

export const TARGET_RULE_MODEL: ModelSpec = {
  name: 'TargetRule',
  fields: { id: 'number', name: 'string', description: 'string' },
};

export const CASHFLOW_GROUP_MODEL: ModelSpec = {
  name: 'CashflowGroup',
  fields: { id: 'number', name: 'string', description: 'string', modified: 'string' },
};

/** Guess: the cap the vendor documents for finds that attach rules or affiliate ids. */
export const ATTACH_MAX_LIMIT = 50;

export function affiliateRow(a: Affiliate): Row {
  return {
    id: String(a.id),
    company: a.company,
    status: a.status,
    country: a.country,
    city: a.city,
    website: a.website,
    account_manager_id: String(a.account_manager_id),
    date_added: a.date_added,
  };
}

export function targetRuleRow(t: TargetRule): Row {
  return { id: String(t.id), name: t.name, description: t.description };
}

/**
 * A cashflow group's own columns: id, name, description (nullable), modified. `modified` is the
 * emulator's addition (unrecorded): the client compares it to notice a concurrent change.
 */
export function cashflowGroupRow(g: CashflowGroup): Row {
  return { id: String(g.id), name: g.name, description: g.description, modified: g.modified };
}

/** A rule as recorded: its own id and its group's, values as strings, negate as "0"/"1". */
export function ruleRow(
  rule: CashflowRule,
  groupId: number,
  index: number,
): {
  id: string;
  cashflow_group_id: string;
  field: string;
  operator: string;
  value: string[];
  negate: string;
} {
  return {
    id: String(ruleId(groupId, index)),
    cashflow_group_id: String(groupId),
    field: rule.field,
    operator: rule.operator,
    value: [...rule.value],
    negate: String(rule.negate),
  };
}

/**
 * Rules have ids upstream; the store keeps none (an update replaces them all), so they are
 * derived: stable for a group's current rules, distinct across groups.
 */
function ruleId(groupId: number, index: number): number {
  return groupId * 1000 + index + 1;
}

/** `[]` when empty, else `{"<id>": {"<Model>": row, ...extra}}` in the found order. */
function keyedRows(
  result: Extract<FindResult, { ok: true }>,
  model: string,
  extra?: (id: string) => Record<string, unknown>,
): IdKeyed {
  return new IdKeyed(
    result.rows.map(({ id, row }) => [id, { [model]: row, ...(extra ? extra(id) : {}) }] as const),
  );
}

/**
 * Guess: `current` in paged answers. Every recording has page 1 with `current: 0`, so it is
 * taken as the zero-based page index.
 */
function currentOf(page: number): number {
  return page - 1;
}

/** Non-paginated: the keyed rows; paginated as recorded: `{page, current, count, pageCount, data}`. */
function findAnswer(
  result: Extract<FindResult, { ok: true }>,
  model: string,
  extra?: (id: string) => Record<string, unknown>,
): unknown {
  const rows = keyedRows(result, model, extra);
  if (!result.paging) return rows;
  const { page, pageCount, count } = result.paging;
  return { page, current: currentOf(page), count, pageCount, data: rows };
}

function findParams(params: PhpParams): {
  filters?: PhpParam;
  sort?: PhpParam;
  fields?: PhpParam;
  limit?: PhpParam;
  page?: PhpParam;
} {
  const { filters, sort, fields, limit, page } = params;
  return {
    ...(filters !== undefined && { filters }),
    ...(sort !== undefined && { sort }),
    ...(fields !== undefined && { fields }),
    ...(limit !== undefined && { limit }),
    ...(page !== undefined && { page }),
  };
}

/** PHP truthiness, as `if ($attach_rules)` would read the parameter. */
function truthy(value: PhpParam | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value !== '' && value !== '0';
  return Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0;
}

function idParam(params: PhpParams, key: string): number | undefined {
  const raw = stringParam(params, key)?.trim();
  return raw !== undefined && /^[1-9]\d*$/.test(raw) ? Number(raw) : undefined;
}

export type MethodHandler = (params: PhpParams, store: HasOffersStore) => HoOutcome;

const createCashflowGroup: MethodHandler = (params, store) => {
  const input = validateGroupParams(params, store);
  if (!input.ok) return hoInvalid(input.errors, 'create cashflow group');
  return hoOk(String(store.createGroup(input.value).id));
};

const updateCashflowGroup: MethodHandler = (params, store) => {
  const id = idParam(params, 'id');
  const action = 'update cashflow group';
  if (id === undefined) {
    return hoInvalid(['id: is required and must be a cashflow group id'], action);
  }
  if (!store.group(id)) return hoInvalid([`Cashflow group '${id}' does not exist`], action, 'id');
  const input = validateGroupParams(params, store, id);
  if (!input.ok) return hoInvalid(input.errors, action);
  store.updateGroup(id, input.value);
  return hoOk(true);
};

const findCashflowGroups: MethodHandler = (params, store) => {
  const attachRules = truthy(params.attach_rules);
  const attachAffiliates = truthy(params.attach_affiliate_ids);
  if (attachRules || attachAffiliates) {
    const limit = Number(stringParam(params, 'limit') ?? NaN);
    if (!(limit >= 1 && limit <= ATTACH_MAX_LIMIT)) {
      return hoInvalid(
        [
          `limit: must be between 1 and ${ATTACH_MAX_LIMIT} when attach_rules or attach_affiliate_ids is set`,
        ],
        'find cashflow groups',
      );
    }
  }
  const { fields: _ignored, ...find } = findParams(params);
  const result = findRows(CASHFLOW_GROUP_MODEL, store.groups.map(cashflowGroupRow), find);
  if (!result.ok) return hoFailure(result.error);
  // Recorded (GroupSchedule reads `response.data.records[0].id`): flat rows in `records`.
  const records = result.rows.map(({ id, row }) => {
    const group = store.group(Number(id));
    return {
      ...row,
      ...(attachRules && { rules: group?.rules.map((r, i) => ruleRow(r, Number(id), i)) ?? [] }),
      ...(attachAffiliates && { affiliate_ids: group?.affiliateIds.map(String) ?? [] }),
    };
  });
  // Guess: without limit/page just `{records}` (what GroupSchedule's name look-up reads); with
  // them the paged keys of other finds beside `records`.
  if (!result.paging) return hoOk({ records });
  const { page, pageCount, count } = result.paging;
  return hoOk({ page, current: currentOf(page), count, pageCount, records });
};

const findCashflowGroupById: MethodHandler = (params, store) => {
  const id = idParam(params, 'cashflow_group_id');
  if (id === undefined) {
    return hoInvalid(
      ['cashflow_group_id: is required and must be a cashflow group id'],
      'find cashflow group',
    );
  }
  const group = store.group(id);
  // Recorded for findById: an id that does not exist is a success with no data, not an error.
  if (!group) return hoOk(null);
  // Recorded: flat, not wrapped in {"CashflowGroup": ...}.
  return hoOk({
    ...cashflowGroupRow(group),
    affiliates: group.affiliateIds.map((affId) => ({
      id: String(affId),
      company: store.affiliate(affId)?.company ?? '',
    })),
    rules: group.rules.map((r, i) => ruleRow(r, id, i)),
  });
};

/**
 * The shape is undocumented upstream; this is the emulator's choice (see README): one entry per
 * rule field with its value type, the operators it takes and, for enums, the allowed values.
 */
export function cashflowRuleFieldDefinitions(): Record<string, unknown> {
  const operators = [...RULE_OPERATORS];
  const codes = Object.keys(countries.getAlpha2Codes()).sort();
  const out: Record<string, unknown> = {};
  for (const field of RULE_FIELDS) {
    if (field === 'country') {
      out[field] = {
        type: 'enum',
        label: 'Country',
        operators,
        values: codes,
        value_format: 'ISO 3166-1 alpha-2 code',
      };
    } else if (field === 'advanced_targeting_rule') {
      out[field] = {
        type: 'target_rule_id',
        label: 'Advanced targeting rule',
        operators,
        values_from: 'OfferTargeting::findTargetRules',
        value_format: 'target rule id (JSON integer or digit string)',
      };
    } else {
      out[field] = {
        type: 'string',
        label: field
          .replace(
            /^(aff|adv)_sub(\d)$/,
            (_m, who: string, n: string) =>
              `${who === 'aff' ? 'Affiliate' : 'Advertiser'} sub ${n}`,
          )
          .replace(/^source$/, 'Source'),
        operators,
      };
    }
  }
  return out;
}

/** What a group is used for by one offer or goal (at most one purpose each in the seed). */
function usesOf(user: GroupUser, groupId: number): 'payout' | 'revenue' | undefined {
  if (user.payoutGroupId === groupId) return 'payout';
  if (user.revenueGroupId === groupId) return 'revenue';
  return undefined;
}

/**
 * GUESS: the real answer's shape is unrecorded (api-notes.md lists the method, not its `data`).
 * The emulator answers `{offers: [{id, name, status, uses}], goals: [{id, name, offer_id, status,
 * uses}]}`, only active ones, ids as strings like every other HasOffers row; the client also reads
 * id-keyed and `{Offer: {...}}` rows in case the real one looks like a find*.
 */
const findCashflowGroupUsage: MethodHandler = (params, store) => {
  const id = idParam(params, 'cashflow_group_id');
  const action = 'find cashflow group usage';
  if (id === undefined) {
    return hoInvalid(['cashflow_group_id: is required and must be a cashflow group id'], action);
  }
  if (!store.group(id)) {
    return hoInvalid([`Cashflow group '${id}' does not exist`], action, 'cashflow_group_id');
  }
  const offers = SEED_OFFERS.flatMap((o) => {
    const uses = o.status === 'active' ? usesOf(o, id) : undefined;
    return uses ? [{ id: String(o.id), name: o.name, status: o.status, uses }] : [];
  });
  const goals = SEED_GOALS.flatMap((g) => {
    const uses = g.status === 'active' ? usesOf(g, id) : undefined;
    return uses
      ? [{ id: String(g.id), name: g.name, offer_id: String(g.offerId), status: g.status, uses }]
      : [];
  });
  return hoOk({ offers, goals });
};

const getCashflowRuleFieldDefinitions: MethodHandler = () => hoOk(cashflowRuleFieldDefinitions());

const affiliateFindAll: MethodHandler = (params, store) => {
  const result = findRows(AFFILIATE_MODEL, store.affiliates.map(affiliateRow), findParams(params));
  if (!result.ok) return hoFailure(result.error);
  return hoOk(findAnswer(result, 'Affiliate'));
};

const affiliateFindList: MethodHandler = (params, store) => {
  const { filters } = params;
  const result = findRows(
    AFFILIATE_MODEL,
    store.affiliates.map(affiliateRow),
    filters === undefined ? {} : { filters },
  );
  if (!result.ok) return hoFailure(result.error);
  return hoOk(new IdKeyed(result.rows.map(({ id, row }) => [id, row.company ?? ''] as const)));
};

const findTargetRules: MethodHandler = (params, store) => {
  const { fields: _ignored, ...find } = findParams(params);
  const result = findRows(TARGET_RULE_MODEL, store.targetRules.map(targetRuleRow), find);
  if (!result.ok) return hoFailure(result.error);
  return hoOk(findAnswer(result, 'TargetRule'));
};

/** Exactly the pairs in api-notes.md; anything else is an unknown Target or Method. */
export const HASOFFERS_METHODS: Record<string, Record<string, MethodHandler>> = {
  CashflowGroup: {
    createCashflowGroup,
    findCashflowGroups,
    findCashflowGroupById,
    updateCashflowGroup,
    getCashflowRuleFieldDefinitions,
    findCashflowGroupUsage,
  },
  Affiliate: { findAll: affiliateFindAll, findList: affiliateFindList },
  OfferTargeting: { findTargetRules },
};

/** Dispatches a call whose token has been accepted. */
export function dispatch(
  target: string | undefined,
  method: string | undefined,
  params: PhpParams,
  store: HasOffersStore,
): HoOutcome {
  if (!target) return hoFailure('Missing required argument: Target');
  if (!method) return hoFailure('Missing required argument: Method');
  const methods = Object.hasOwn(HASOFFERS_METHODS, target) ? HASOFFERS_METHODS[target] : undefined;
  if (!methods) return hoFailure(`Target '${target}' does not exist`);
  const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (!handler) return hoFailure(`Method '${method}' does not exist on target '${target}'`);
  return handler(params, store);
}
