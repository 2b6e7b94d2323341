// The Exness sign-in: logs in with the server's credentials, caches the JWT, re-logs in once.
// Single-flight: one login however many requests find the token expired.
import type { ExnessUpstream } from '../config';
import { HttpError } from '../errors';
import { fetchUpstream, joinUrl } from '../upstream/fetch-upstream';

export const EXNESS_AUTH_PATH = '/api/v2/auth/';

/**
 * After the upstream refused our credentials, answer from memory for a while instead of
 * logging in again on every browser request: repeated failed logins can lock a partner account.
 */
export const REFUSED_LOGIN_BACKOFF_MS = 10_000;

const refused = (): HttpError =>
  new HttpError(
    502,
    'UpstreamAuthFailed',
    "The Exness API refused the dashboard server's credentials. The server's Exness login and password (EXNESS_LOGIN, EXNESS_PASSWORD) need checking.",
  );

/**
 * The API refused the login itself, not the credentials: a 403 or an HTML page at the login
 * path is what public test suites recorded from its bot shield (Imperva, `incap_ses_` cookies).
 */
const loginRefused = (status: number): HttpError =>
  new HttpError(
    502,
    'UpstreamLoginRefused',
    `The Exness API refused the dashboard server's login before checking its credentials (status ${status}): a shield in front of the API blocked the request. The password is probably not the problem. Ask Exness to allow the server's outgoing IP address for API access, or run the server from an address they allow; then try again.`,
    {},
    { status: String(status) },
  );

/** An HTML (or any non-JSON) answer: a shield's or a proxy's page, not the API's. */
function isJsonAnswer(contentType: string | null, text: string): boolean {
  if (contentType !== null && /json/i.test(contentType)) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export interface ExnessSessionOptions {
  upstream: ExnessUpstream;
  timeoutMs: number;
  now?: () => number;
}

export class ExnessSession {
  private token: string | undefined;
  private pending: Promise<string> | undefined;
  private refusedUntil = 0;
  /** What the last refused login was answered with (credentials, or the shield). */
  private refusal: HttpError = refused();
  private readonly upstream: ExnessUpstream;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: ExnessSessionOptions) {
    this.upstream = options.upstream;
    this.timeoutMs = options.timeoutMs;
    this.now = options.now ?? Date.now;
  }

  /** The cached token, or the one login in flight, or a new login. */
  getToken(): Promise<string> {
    if (this.token !== undefined) return Promise.resolve(this.token);
    if (this.pending) return this.pending;
    if (this.now() < this.refusedUntil) return Promise.reject(this.refusal);
    const pending = this.login().then(
      (token) => {
        this.token = token;
        return token;
      },
      (e: unknown) => {
        // A shield that saw a bot is not calmed by more logins either: back off from both.
        if (
          e instanceof HttpError &&
          (e.code === 'UpstreamAuthFailed' || e.code === 'UpstreamLoginRefused')
        ) {
          this.refusedUntil = this.now() + REFUSED_LOGIN_BACKOFF_MS;
          this.refusal = e;
        }
        throw e;
      },
    );
    this.pending = pending;
    // Clear only our own flight: by then a later one may have started.
    const clear = () => {
      if (this.pending === pending) this.pending = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }

  /**
   * The upstream said `token` is no longer good. Forget it only if it is still the current one:
   * requests that were in flight with the old token must join the new login, not start another.
   */
  invalidate(token: string): void {
    if (this.token === token) this.token = undefined;
  }

  private async login(): Promise<string> {
    const res = await fetchUpstream(
      {
        method: 'POST',
        url: joinUrl(this.upstream.apiUrl, EXNESS_AUTH_PATH),
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ login: this.upstream.login, password: this.upstream.password }),
      },
      // A sign-in changes nothing upstream but the token it hands out: safe to send again.
      { upstream: 'exness', timeoutMs: this.timeoutMs, safeToRepeat: true },
    );
    // A 403 is the shield (DRF answers wrong credentials with 400 or 401), and so is an HTML
    // page at any status but a server error's: neither says anything about the password.
    if (res.status === 403) throw loginRefused(res.status);
    if (res.status < 500 && !isJsonAnswer(res.headers.get('content-type'), res.text)) {
      throw loginRefused(res.status);
    }
    if (res.status === 400 || res.status === 401) throw refused();
    if (res.status === 429) {
      const retryAfter = res.headers.get('retry-after');
      throw new HttpError(
        429,
        'RateLimited',
        'The Exness API is throttling sign-ins. Try again shortly.',
        retryAfter ? { 'Retry-After': retryAfter } : {},
      );
    }
    let token: unknown;
    try {
      token = res.status === 200 ? (JSON.parse(res.text) as { token?: unknown }).token : undefined;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string' || token === '') {
      throw new HttpError(
        502,
        'UpstreamInvalidResponse',
        `The Exness API answered the sign-in unexpectedly (status ${res.status}).`,
      );
    }
    return token;
  }
}
