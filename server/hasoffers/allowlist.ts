// The HasOffers (Target, Method) pairs the dashboard may call through the BFF: data, in this one place.

export interface HasOffersAllowedMethod {
  /** Changes data upstream: the browser must POST it (a cross-site GET cannot create). */
  write: boolean;
  /** Accepts an `Idempotency-Key` header (see idempotency-store.ts). */
  idempotent?: boolean;
  /**
   * Every parameter name the dashboard sends with this call, exactly as sent (PHP bracket shape
   * included). The upstream request is rebuilt from this list alone; anything else is refused.
   */
  params: readonly string[];
}

const GROUP_FIELDS = ['name', 'description', 'rules_json', 'affiliate_ids_json'];
/** Limit and page of a find* (the pager, and the read-only account check's limit 1). */
const PAGING = ['limit', 'page'];

/** From docs/api-notes.md, "Methods the dashboard uses". Names are matched exactly. */
export const HASOFFERS_ALLOWED_CALLS: Readonly<
  Record<string, Readonly<Record<string, HasOffersAllowedMethod>>>
> = {
  CashflowGroup: {
    createCashflowGroup: { write: true, idempotent: true, params: GROUP_FIELDS },
    findCashflowGroups: {
      write: false,
      params: [
        // By exact name (the create's duplicate check) or name contains (the list's search).
        'filters[name]',
        'filters[name][LIKE]',
        'sort[name]',
        'sort[id]',
        ...PAGING,
        'attach_rules',
        'attach_affiliate_ids',
      ],
    },
    findCashflowGroupById: { write: false, params: ['cashflow_group_id'] },
    // The offers and goals that use a group (the impact shown before a save): read-only.
    findCashflowGroupUsage: { write: false, params: ['cashflow_group_id'] },
    updateCashflowGroup: { write: true, params: ['id', ...GROUP_FIELDS] },
    getCashflowRuleFieldDefinitions: { write: false, params: [] },
  },
  Affiliate: {
    findAll: {
      write: false,
      params: [
        // The picker's search (company contains, or the id for digits) and the lookup by ids.
        'filters[company][LIKE]',
        'filters[OR][company][LIKE]',
        'filters[OR][id]',
        'filters[id][]',
        'fields[]',
        'sort[company]',
        ...PAGING,
      ],
    },
    findList: { write: false, params: [] },
  },
  OfferTargeting: {
    findTargetRules: {
      write: false,
      params: [
        'filters[name][LIKE]',
        'filters[OR][name][LIKE]',
        'filters[OR][id]',
        'sort[name]',
        ...PAGING,
      ],
    },
  },
};

export function findHasOffersCall(
  target: string,
  method: string,
): HasOffersAllowedMethod | undefined {
  // Own properties only: `constructor` or `__proto__` must not look like an allowed name.
  if (!Object.hasOwn(HASOFFERS_ALLOWED_CALLS, target)) return undefined;
  const methods = HASOFFERS_ALLOWED_CALLS[target];
  if (!methods || !Object.hasOwn(methods, method)) return undefined;
  return methods[method];
}
