// The one fetch wrapper: JSON in and out, a timeout on every call, every failure an ApiError,
// every answer validated by the caller's zod schema.
// zod/mini, not zod: the list page's first load carries no schema method it does not call (the
// classic API's methods, JSON-schema export and messages weigh ~18 KB gzip). Any zod schema,
// classic or mini, is accepted: both are `$ZodType`s.
import { safeParse, type output, type core } from 'zod/mini';
import { ApiError, toApiError, type ApiErrorKind } from './api-error';
import { isSessionLost, signalSignedOut } from './session-signal';

export const DEFAULT_TIMEOUT_MS = 20_000;

export interface RequestOptions<S extends core.$ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A plain object is sent as JSON; URLSearchParams as a form-encoded body. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  schema: S;
}

function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads an error body in any of the shapes we meet: `{code, message}` (Exness, and our BFF),
 * DRF's `{detail}`, and DRF's field-keyed 400 `{field: ["msg"]}`.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  retryAfter: string | null,
): ApiError {
  let message = `The server answered ${status}.`;
  let code: string | undefined;
  let fieldErrors: Record<string, string[]> | undefined;
  if (isRecord(body)) {
    if (typeof body.message === 'string') message = body.message;
    else if (typeof body.detail === 'string') message = body.detail;
    if (typeof body.code === 'string') code = body.code;
    const fields = Object.entries(body).filter(
      ([k, v]) =>
        !['code', 'message', 'detail'].includes(k) && (Array.isArray(v) || typeof v === 'string'),
    );
    if (fields.length > 0) {
      fieldErrors = Object.fromEntries(
        fields.map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : [String(v)]]),
      );
      if (typeof body.message !== 'string' && typeof body.detail !== 'string') {
        message = fields
          .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' ') : String(v)}`)
          .join('; ');
      }
    }
  }
  let kind = kindForStatus(status);
  if (code === 'Throttled') kind = 'rate-limit';
  return new ApiError({
    kind,
    status,
    message,
    ...(code !== undefined && { code }),
    ...(fieldErrors !== undefined && { fieldErrors }),
    ...(kind === 'rate-limit' && { retryAfterMs: parseRetryAfter(retryAfter) ?? 5_000 }),
  });
}

/**
 * One line of an error's details per schema issue. zod/mini loads no message locale (it would
 * weigh on every page), so an issue's own message is often a bare "Invalid input": for a wrong
 * type, what was expected says more.
 */
export function issueText(issue: core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the answer)';
  const what = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
  return `${where}: ${what}`;
}

export async function requestJson<S extends core.$ZodType>(
  url: string,
  options: RequestOptions<S>,
): Promise<output<S>> {
  const {
    method = 'GET',
    body,
    headers = {},
    signal,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    schema,
  } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const init: RequestInit = {
    method,
    // The BFF requires this header on every call: a cross-site form cannot set it.
    headers: { Accept: 'application/json', 'X-Requested-With': 'dashboard', ...headers },
    signal: combined,
    credentials: 'same-origin',
  };
  if (body instanceof URLSearchParams) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }

  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    if (timeout.aborted && !signal?.aborted) {
      throw new ApiError({ kind: 'timeout', message: 'The server took too long to answer.' });
    }
    throw toApiError(e);
  }

  let parsed: unknown;
  const text = await response.text().catch(() => '');
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }

  if (!response.ok) {
    if (isSessionLost(url, response.status)) signalSignedOut();
    throw errorFromResponse(response.status, parsed, response.headers.get('Retry-After'));
  }
  const result = safeParse(schema, parsed);
  if (!result.success) {
    throw new ApiError({
      kind: 'invalid-response',
      status: response.status,
      message: 'The server answered in an unexpected form.',
      details: result.error.issues.slice(0, 5).map(issueText),
    });
  }
  return result.data;
}
