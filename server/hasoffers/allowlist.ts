// The HasOffers (Target, Method) pairs the dashboard may call through the BFF: data, in this one place.

export interface HasOffersAllowedMethod {
  /** Changes data upstream: the browser must POST it (a cross-site GET cannot create). */
  write: boolean;
  /** Accepts an `Idempotency-Key` header (see idempotency-store.ts). */
  idempotent?: boolean;
}

/** From docs/api-notes.md, "Methods the dashboard uses". Names are matched exactly. */
export const HASOFFERS_ALLOWED_CALLS: Readonly<
  Record<string, Readonly<Record<string, HasOffersAllowedMethod>>>
> = {
  CashflowGroup: {
    createCashflowGroup: { write: true, idempotent: true },
    findCashflowGroups: { write: false },
    findCashflowGroupById: { write: false },
    updateCashflowGroup: { write: true },
    getCashflowRuleFieldDefinitions: { write: false },
  },
  Affiliate: {
    findAll: { write: false },
    findList: { write: false },
  },
  OfferTargeting: {
    findTargetRules: { write: false },
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
