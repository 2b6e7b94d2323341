// The HasOffers answer envelope, and a JSON writer that keeps the key order of id-keyed maps
// (PHP's json_encode keeps insertion order; JSON.stringify puts integer-like keys first, sorted).

/** A map keyed by id whose entries must be written in this order (a sorted find result). */
export class IdKeyed {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

/** JSON.stringify, except that IdKeyed maps keep their entry order and empty ones become `[]`. */
export function stringifyOrdered(value: unknown): string {
  if (value instanceof IdKeyed) {
    // PHP encodes an empty array as [], whatever it was meant to hold.
    if (value.entries.length === 0) return '[]';
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${stringifyOrdered(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : stringifyOrdered(v))).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${stringifyOrdered(v)}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Error items come in both shapes the real API uses; validation errors use publicMessage. */
export type HoErrorItem = { publicMessage: string } | { err_code: number; err_msg: string };

export type HoOutcome =
  { ok: true; data: unknown } | { ok: false; errorMessage: string; errors: HoErrorItem[] };

export const hoOk = (data: unknown): HoOutcome => ({ ok: true, data });

/** A failure from validation: one publicMessage item per problem, the first as errorMessage. */
export function hoInvalid(messages: readonly string[]): HoOutcome {
  return {
    ok: false,
    errorMessage: messages[0] ?? 'Invalid request',
    errors: messages.map((m) => ({ publicMessage: m })),
  };
}

/** A failure from the API layer itself (auth, rate limit, unknown method). */
export function hoFailure(message: string, code = 1): HoOutcome {
  return { ok: false, errorMessage: message, errors: [{ err_code: code, err_msg: message }] };
}

/** Guess from vendor examples: the echo also carries these, plus every parameter as received. */
export const NETWORK_ID = 'demo';

export function envelopeJson(request: Record<string, unknown>, outcome: HoOutcome): string {
  const { Target, Method, NetworkToken, ...rest } = request;
  const echo = {
    Target,
    Format: 'json',
    Service: 'HasOffers',
    Version: '2',
    NetworkId: NETWORK_ID,
    Method,
    NetworkToken,
    ...rest,
  };
  const response = outcome.ok
    ? { status: 1, httpStatus: 200, data: outcome.data, errors: [], errorMessage: null }
    : {
        status: -1,
        httpStatus: 200,
        data: '',
        errors: outcome.errors,
        errorMessage: outcome.errorMessage,
      };
  return stringifyOrdered({ request: echo, response });
}
