// The canonical form of a HasOffers id, apart from the row readers: the rule model uses it and
// stays free of zod and the transport.

/** HasOffers ids are positive integers; capped at 15 digits so they survive JSON numbers. */
const ID_PATTERN = /^0*[1-9]\d{0,14}$/;

/** "079" → "79"; undefined when it is not a positive integer id. */
export function canonicalId(raw: string): string | undefined {
  const s = raw.trim();
  return ID_PATTERN.test(s) ? s.replace(/^0+/, '') : undefined;
}
