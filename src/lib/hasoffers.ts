// Calls HasOffers through the BFF in its own protocol: PHP-bracket parameters, the
// {request, response} envelope, HTTP-200 errors. The BFF adds the NetworkToken.
import { z, type core, type output } from 'zod/mini';
import { ApiError } from './api-error';
import { issueText, requestJson, type RequestOptions } from './http';

export const HASOFFERS_PATH = '/api/hasoffers';

export type PhpValue =
  string | number | boolean | null | undefined | PhpValue[] | { [k: string]: PhpValue };

/**
 * Flattens nested params the way PHP reads them: `fields[]=id`, `filters[id][]=2`,
 * `filters[company][LIKE]=%acme%`. Undefined and null are left out; booleans become 1/0.
 */
export function encodePhpParams(params: Record<string, PhpValue>): URLSearchParams {
  const out = new URLSearchParams();
  const walk = (key: string, value: PhpValue): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(`${key}[]`, item);
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    } else if (typeof value === 'boolean') {
      out.append(key, value ? '1' : '0');
    } else {
      out.append(key, String(value));
    }
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return out;
}

const errorItem = z.looseObject({
  publicMessage: z.optional(z.string()),
  err_msg: z.optional(z.string()),
  err_code: z.optional(z.union([z.string(), z.number()])),
  attribute_name: z.optional(z.nullable(z.string())),
});

const envelope = z.object({
  request: z.optional(z.unknown()),
  response: z.looseObject({
    status: z.union([z.number(), z.string()]),
    httpStatus: z.optional(z.union([z.number(), z.string()])),
    data: z.unknown(),
    errors: z.nullable(
      z.optional(z.union([z.array(errorItem), z.record(z.string(), z.unknown())])),
    ),
    errorMessage: z.optional(z.nullable(z.string())),
  }),
});

export interface HasOffersCallOptions<S extends core.$ZodType> {
  /** Create/update go as a form-encoded POST; reads as GET so they are easy to inspect. */
  httpMethod?: 'GET' | 'POST';
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
  schema: S;
}

/** One errors[] item's reason and the parameter it blames. */
interface ErrorText {
  text: string;
  field?: string;
}

function errorTexts(errors: unknown): ErrorText[] {
  if (!Array.isArray(errors)) return [];
  const out: ErrorText[] = [];
  for (const e of errors) {
    const r = z.safeParse(errorItem, e);
    if (!r.success) continue;
    // Recorded validation failures put the reason in err_msg ("Status must be one of: …") and a
    // generic "Could not update affiliate." in publicMessage: the reason is what helps.
    const text = r.data.err_msg || r.data.publicMessage || '';
    if (text) out.push({ text, ...(r.data.attribute_name && { field: r.data.attribute_name }) });
  }
  return out;
}

/** The texts of an errors[] list, each item's specific reason (err_msg) first. */
export function hasOffersErrorMessages(errors: unknown): string[] {
  return errorTexts(errors).map((e) => e.text);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The settings that decide which network the server reaches, named in the error. */
export const HASOFFERS_SETUP_HINT =
  "check the dashboard server's HASOFFERS_NETWORK_ID and HASOFFERS_API_URL";

/**
 * A wrong network id is answered outside the envelope (recorded:
 * `{"response":{"errors":{"publicMessage":"Network id is not valid"},"link":…}}`: no status,
 * `errors` an object). That is the server's configuration, not a malformed answer.
 */
function setupError(raw: unknown): ApiError | undefined {
  if (!isRecord(raw) || !isRecord(raw.response) || 'status' in raw.response) return undefined;
  const errors = raw.response.errors;
  if (!isRecord(errors) && !Array.isArray(errors)) return undefined;
  const texts = isRecord(errors)
    ? Object.values(errors).filter((v): v is string => typeof v === 'string')
    : hasOffersErrorMessages(errors);
  const said = texts[0] ?? 'HasOffers did not accept the network';
  return new ApiError({
    kind: 'upstream',
    code: 'UpstreamMisconfigured',
    message: `HasOffers answered "${said}": ${HASOFFERS_SETUP_HINT}.`,
    details: texts,
  });
}

/** Reads a HasOffers envelope: anything but status 1 is an ApiError. */
export function readEnvelope<S extends core.$ZodType>(raw: unknown, schema: S): output<S> {
  const setup = setupError(raw);
  if (setup) throw setup;
  const env = z.safeParse(envelope, raw);
  if (!env.success) {
    throw new ApiError({
      kind: 'invalid-response',
      message: 'HasOffers answered in an unexpected form.',
    });
  }
  const { status, data, errors, errorMessage } = env.data.response;
  if (Number(status) !== 1) {
    const items = errorTexts(errors);
    const details = items.map((i) => i.text);
    // The first item's own reason; errorMessage only when no item says more (it is generic).
    const message = details[0] || errorMessage || 'HasOffers refused the request.';
    const all = [message, errorMessage ?? '', ...details].join(' ');
    const rateLimited = /rate limit/i.test(all);
    const field = items.find((i) => i.field)?.field;
    const fieldErrors: Record<string, string[]> = {};
    for (const i of items) if (i.field) (fieldErrors[i.field] ??= []).push(i.text);
    // "NetworkToken <token> is not authenticated": the server's token, not the user's doing.
    const badToken = /networktoken\b.*\bnot authenticated/i.test(all);
    throw new ApiError({
      kind: rateLimited ? 'rate-limit' : 'upstream',
      message: badToken
        ? "HasOffers did not accept the dashboard server's NetworkToken: check its HASOFFERS_NETWORK_TOKEN."
        : message,
      details,
      ...(badToken && { code: 'UpstreamMisconfigured' }),
      ...(field !== undefined && { field, fieldErrors }),
      ...(rateLimited && { retryAfterMs: 10_000 }),
    });
  }
  const parsed = z.safeParse(schema, data);
  if (!parsed.success) {
    throw new ApiError({
      kind: 'invalid-response',
      message: 'HasOffers answered in an unexpected form.',
      details: parsed.error.issues.slice(0, 5).map(issueText),
    });
  }
  return parsed.data;
}

/** The exact query/body a call sends (what the wizard's API preview shows). */
export function hasOffersParams(
  target: string,
  method: string,
  params: Record<string, PhpValue>,
): URLSearchParams {
  return encodePhpParams({ Target: target, Method: method, ...params });
}

export async function callHasOffers<S extends core.$ZodType>(
  target: string,
  method: string,
  params: Record<string, PhpValue>,
  options: HasOffersCallOptions<S>,
): Promise<output<S>> {
  const search = hasOffersParams(target, method, params);
  const common: Pick<RequestOptions<core.$ZodUnknown>, 'signal' | 'timeoutMs' | 'headers'> = {
    ...(options.signal && { signal: options.signal }),
    ...(options.timeoutMs && { timeoutMs: options.timeoutMs }),
    ...(options.headers && { headers: options.headers }),
  };
  const raw =
    options.httpMethod === 'POST'
      ? await requestJson(HASOFFERS_PATH, {
          ...common,
          method: 'POST',
          body: search,
          schema: z.unknown(),
        })
      : await requestJson(`${HASOFFERS_PATH}?${search.toString()}`, {
          ...common,
          schema: z.unknown(),
        });
  return readEnvelope(raw, options.schema);
}

export interface HasOffersPage {
  rows: unknown[];
  page: number;
  pageCount: number;
  count: number;
}

/** The keys that mark a paginated answer; which of them appear varies by method (recorded). */
const PAGE_KEYS = ['page', 'current', 'count', 'pageCount'] as const;

function rowsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (isRecord(data)) {
    if ('records' in data) return rowsOf(data.records);
    return Object.values(data);
  }
  return [];
}

function count(v: unknown): number | undefined {
  const n = Number(v);
  return v !== null && v !== undefined && v !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * HasOffers answers a find* in many shapes (recorded or described, see fixtures/recorded/):
 * `[]` when empty; an object keyed by id; `{page, current, count, pageCount, data}` or a variant
 * missing some of those keys, with rows in `data` (array, id-keyed or `{records}`); or rows in
 * `records`, with or without the page keys. This is the one place that knows; everything else
 * sees a page of rows. Missing counts are inferred from what is there: `count` from the rows
 * seen, `pageCount` as "at least this page" (0 when it holds nothing).
 */
export function normalisePage(data: unknown): HasOffersPage {
  if (isRecord(data)) {
    const paged = PAGE_KEYS.some((k) => k in data) && ('data' in data || 'records' in data);
    if (paged || 'records' in data) {
      const rows = 'records' in data ? rowsOf(data.records) : rowsOf(data.data);
      const page = Math.max(1, count(data.page) ?? 1);
      const pageCount = count(data.pageCount) ?? (rows.length > 0 ? page : 0);
      const total = count(data.count) ?? (pageCount > page ? rows.length * pageCount : rows.length);
      return { rows, page, pageCount, count: total };
    }
  }
  const rows = rowsOf(data);
  return { rows, page: 1, pageCount: rows.length ? 1 : 0, count: rows.length };
}
