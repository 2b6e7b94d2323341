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

export function hasOffersErrorMessages(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .map((e) => {
      const r = z.safeParse(errorItem, e);
      return r.success ? (r.data.publicMessage ?? r.data.err_msg ?? '') : '';
    })
    .filter((m) => m.length > 0);
}

/** Reads a HasOffers envelope: anything but status 1 is an ApiError. */
export function readEnvelope<S extends core.$ZodType>(raw: unknown, schema: S): output<S> {
  const env = z.safeParse(envelope, raw);
  if (!env.success) {
    throw new ApiError({
      kind: 'invalid-response',
      message: 'HasOffers answered in an unexpected form.',
    });
  }
  const { status, data, errors, errorMessage } = env.data.response;
  if (Number(status) !== 1) {
    const details = hasOffersErrorMessages(errors);
    const message = errorMessage || details[0] || 'HasOffers refused the request.';
    const rateLimited = /rate limit/i.test([message, ...details].join(' '));
    throw new ApiError({
      kind: rateLimited ? 'rate-limit' : 'upstream',
      message,
      details,
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

function rowsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (typeof data === 'object' && data !== null) {
    const rec = data as Record<string, unknown>;
    if (Array.isArray(rec.records)) return rec.records;
    if (typeof rec.records === 'object' && rec.records !== null) return Object.values(rec.records);
    return Object.values(rec);
  }
  return [];
}

/**
 * HasOffers answers a find* in three shapes: `[]` when empty, an object keyed by id, or
 * `{page, pageCount, count, data}` (rows in `data`, or in `data.records`) when paginated.
 * This is the one place that knows; everything else sees a page of rows.
 */
export function normalisePage(data: unknown): HasOffersPage {
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && 'pageCount' in data) {
    const rec = data as Record<string, unknown>;
    const rows = rowsOf(rec.data);
    return {
      rows,
      page: Number(rec.page ?? 1) || 1,
      pageCount: Number(rec.pageCount ?? 1) || 0,
      count: Number(rec.count ?? rows.length) || 0,
    };
  }
  const rows = rowsOf(data);
  return { rows, page: 1, pageCount: rows.length ? 1 : 0, count: rows.length };
}
