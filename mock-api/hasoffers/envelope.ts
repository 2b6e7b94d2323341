// The HasOffers answer envelope, and a JSON writer that writes as PHP's json_encode does: keeps
// the key order of id-keyed maps (JSON.stringify puts integer-like keys first) and escapes `/`.

/** A map keyed by id whose entries must be written in this order (a sorted find result). */
export class IdKeyed {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

/** A JSON string as PHP writes it: `/` escaped as `\/` (json_encode's default; recorded). */
function phpString(s: string): string {
  return JSON.stringify(s).replace(/\//g, '\\/');
}

/**
 * JSON.stringify, except that IdKeyed maps keep their entry order and empty ones become `[]`,
 * and strings (keys too) escape `/` as PHP does.
 */
export function stringifyOrdered(value: unknown): string {
  if (value instanceof IdKeyed) {
    // PHP encodes an empty array as [], whatever it was meant to hold.
    if (value.entries.length === 0) return '[]';
    return `{${value.entries.map(([k, v]) => `${phpString(k)}:${stringifyOrdered(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : stringifyOrdered(v))).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const parts = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${phpString(k)}:${stringifyOrdered(v)}`);
    return `{${parts.join(',')}}`;
  }
  if (typeof value === 'string') return phpString(value);
  return JSON.stringify(value) ?? 'null';
}

/**
 * Error items in the shapes recorded from the real API: API-level failures (rate limit, a bad
 * row id) carry only `publicMessage`; a model's validation failure carries the reason in
 * `err_msg` with `attribute_name`, and a generic `publicMessage` ("Could not update affiliate.").
 */
export type HoErrorItem =
  | { publicMessage: string }
  | { err_code: number; err_msg: string; attribute_name: string; publicMessage: string };

/** The err_code recorded on every validation item (pyoffers' cassettes). */
export const VALIDATION_ERR_CODE = 3;

export type HoOutcome =
  { ok: true; data: unknown } | { ok: false; errorMessage: string; errors: HoErrorItem[] };

export const hoOk = (data: unknown): HoOutcome => ({ ok: true, data });

/**
 * The parameter a validation message is about: its leading `name:` / `rules_json[2].value:`
 * prefix, else `fallback` (e.g. the duplicate-name message names no parameter).
 */
function attributeOf(message: string, fallback: string): string {
  return /^([a-z_]+)(?=[[.:])/i.exec(message)?.[1] ?? fallback;
}

/**
 * A validation failure as recorded: one item per problem, the reason in `err_msg`, and the
 * generic "Could not <action>." as every item's publicMessage and as errorMessage.
 */
export function hoInvalid(
  messages: readonly string[],
  action: string,
  fallbackAttribute = 'name',
): HoOutcome {
  const publicMessage = `Could not ${action}.`;
  return {
    ok: false,
    errorMessage: publicMessage,
    errors: messages.map((m) => ({
      err_code: VALIDATION_ERR_CODE,
      err_msg: m,
      attribute_name: attributeOf(m, fallbackAttribute),
      publicMessage,
    })),
  };
}

/** A failure from the API layer itself (auth, rate limit, unknown method, a bad filter). */
export function hoFailure(message: string): HoOutcome {
  return { ok: false, errorMessage: message, errors: [{ publicMessage: message }] };
}

/** The network id echoed when the call did not send one (the real one is in the host name). */
export const NETWORK_ID = 'demo';

/**
 * The recorded echo: `Target, Format, Service, Version`, then the call's own parameters nested
 * as PHP parsed them (the NetworkToken included), with `NetworkId` added when not sent.
 */
export function envelopeJson(request: Record<string, unknown>, outcome: HoOutcome): string {
  const { Target, Method, NetworkToken, NetworkId, ...rest } = request;
  const echo = {
    Target,
    Format: 'json',
    Service: 'HasOffers',
    Version: '2',
    NetworkToken,
    NetworkId: NetworkId ?? NETWORK_ID,
    Method,
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
