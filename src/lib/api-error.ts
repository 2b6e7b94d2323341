// One typed error for every failure the transport can see, so the UI can render a next step.
export type ApiErrorKind =
  | 'network' // no answer at all: offline, connection refused or reset
  | 'timeout' // we gave up waiting
  | 'aborted' // the caller cancelled (superseded query); never shown
  | 'rate-limit' // 429 or HasOffers' "rate limit" answer
  | 'unauthorized' // 401
  | 'forbidden' // 403 (e.g. PermissionDenied: no autorebates for this account)
  | 'not-found' // 404
  | 'bad-request' // 400/422: the request itself was refused; fieldErrors may say where
  | 'server' // 5xx from the BFF or an upstream
  | 'upstream' // HasOffers status:-1 that is none of the above
  | 'invalid-response'; // an answer that does not match its schema

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number;
  code?: string;
  retryAfterMs?: number;
  fieldErrors?: Record<string, string[]>;
  /** Raw per-item messages, e.g. HasOffers' errors[] texts. */
  details?: string[];
  /** The request parameter the upstream blamed (HasOffers' `attribute_name`, e.g. "name"). */
  field?: string;
}

/**
 * The BFF's codes for a server that cannot talk to an upstream as configured: trying again
 * changes nothing, and only whoever runs the server can fix it.
 */
export const SERVER_SETUP_CODES: ReadonlySet<string> = new Set([
  'UpstreamAuthFailed', // Exness refused the server's login and password
  'UpstreamLoginRefused', // Exness' bot shield refused the server's login (its address)
  'UpstreamMisconfigured', // HasOffers does not know the network id / API address
]);

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly details: string[];
  readonly field: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.fieldErrors = init.fieldErrors;
    this.details = init.details ?? [];
    this.field = init.field;
  }

  /** Whether trying the same read again may succeed. Writes are never retried automatically. */
  get isTransient(): boolean {
    if (this.code !== undefined && SERVER_SETUP_CODES.has(this.code)) return false;
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'rate-limit' ||
      this.kind === 'server' ||
      this.status === 408
    );
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Any thrown value as an ApiError (programming errors become 'invalid-response'). */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  // Checked by name: DOMException differs between realms (browser, jsdom, Node).
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  if (name === 'AbortError') {
    return new ApiError({ kind: 'aborted', message: 'The request was cancelled.' });
  }
  if (name === 'TimeoutError') {
    return new ApiError({ kind: 'timeout', message: 'The server took too long to answer.' });
  }
  if (e instanceof TypeError) {
    return new ApiError({
      kind: 'network',
      message: 'Could not reach the dashboard server.',
    });
  }
  return new ApiError({
    kind: 'invalid-response',
    message: e instanceof Error ? e.message : 'Unexpected error.',
  });
}

/** What the user can do about it, in one sentence. */
export function nextStep(e: ApiError): string {
  switch (e.code) {
    case 'UpstreamLoginRefused':
      return 'The login and password may well be right: ask whoever runs the dashboard server to have its address allowed by Exness (or to run it from an address Exness accepts).';
    case 'UpstreamAuthFailed':
      return 'Ask whoever runs the dashboard server to check its Exness login and password (EXNESS_LOGIN, EXNESS_PASSWORD).';
    case 'UpstreamMisconfigured':
      return 'Ask whoever runs the dashboard server to check its HasOffers settings (HASOFFERS_NETWORK_ID, HASOFFERS_API_URL, HASOFFERS_NETWORK_TOKEN).';
  }
  switch (e.kind) {
    case 'network':
      return 'Check your connection, then try again.';
    case 'timeout':
      return 'The service is slow right now. Try again in a moment.';
    case 'rate-limit':
      return e.retryAfterMs
        ? `Too many requests. Trying again in ${Math.ceil(e.retryAfterMs / 1000)} s.`
        : 'Too many requests. Wait a few seconds, then try again.';
    case 'unauthorized':
      return 'Your session has ended. Reload the page to sign in again.';
    case 'forbidden':
      return 'This account is not allowed to do this. Ask your account manager for access.';
    case 'not-found':
      return 'It may have been deleted. Go back to the list.';
    case 'bad-request':
      return 'Correct the highlighted values, then try again.';
    case 'server':
    case 'upstream':
      return 'The service had a problem. Try again; if it keeps failing, tell support.';
    case 'invalid-response':
      return 'The service answered in an unexpected form. Try again; if it keeps failing, tell support.';
    case 'aborted':
      return '';
  }
}
