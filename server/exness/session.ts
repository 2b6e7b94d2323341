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

export interface ExnessSessionOptions {
  upstream: ExnessUpstream;
  timeoutMs: number;
  now?: () => number;
}

export class ExnessSession {
  private token: string | undefined;
  private pending: Promise<string> | undefined;
  private refusedUntil = 0;
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
    if (this.now() < this.refusedUntil) return Promise.reject(refused());
    const pending = this.login().then(
      (token) => {
        this.token = token;
        return token;
      },
      (e: unknown) => {
        if (e instanceof HttpError && e.code === 'UpstreamAuthFailed') {
          this.refusedUntil = this.now() + REFUSED_LOGIN_BACKOFF_MS;
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
    if (res.status === 400 || res.status === 401 || res.status === 403) throw refused();
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
