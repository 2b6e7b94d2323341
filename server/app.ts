// Builds the BFF (Fastify): /api behind the security checks and the sign-in, optionally the built SPA.
// No listen here: callers (main, dev launcher, tests) choose where.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { HASH_QUEUE_DEFAULTS } from './auth/hash-queue';
import { HashQueue } from './auth/hash-queue';
import { LoginThrottle, type LoginThrottleOptions } from './auth/login-throttle';
import { registerAuth, type LiveSessionLookup } from './auth/routes';
import { SessionStore } from './auth/session-store';
import type { AppConfig } from './config';
import { handleError, sendError } from './errors';
import { EXNESS_PREFIX, exnessRoutes } from './exness/routes';
import { IDEMPOTENCY_DEFAULTS, type IdempotencyOptions } from './hasoffers/idempotency-store';
import { HASOFFERS_RATE_LIMIT, type RateLimiterOptions } from './hasoffers/rate-limiter';
import { hasOffersProblem } from './hasoffers/envelope-check';
import { HASOFFERS_PATH, hasOffersRoutes } from './hasoffers/routes';
import { HistoryRecorder } from './history/recorder';
import { HISTORY_PREFIX, historyRoutes } from './history/routes';
import { loggerOptions, type LogStream } from './logger';
import { registerApiGuards, registerSecurity } from './security';
import { registerStaticFiles, sendSpaFallback } from './static-files';
import type { Storage } from './storage/db';
import { HistoryRepository } from './storage/history';
import { makeRedactor } from './upstream/redact';

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const API_PREFIX = '/api';

export interface BuildAppOptions {
  /**
   * The open database (server/storage/openStorage): sessions, the sign-in throttle, the
   * idempotency records and the HasOffers call budget. Its opener closes it, after the app.
   */
  storage: Storage;
  /** A built SPA (dist/) to serve, with index.html for client-side routes. */
  staticRoot?: string;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: LogStream;
  rateLimit?: Partial<RateLimiterOptions>;
  idempotency?: Partial<IdempotencyOptions>;
  /** Tests: a clock for sessions and the sign-in throttle, and throttle settings. */
  auth?: {
    now?: () => number;
    throttle?: Partial<LoginThrottleOptions>;
    maxSessions?: number;
    hashQueue?: Partial<typeof HASH_QUEUE_DEFAULTS>;
  };
}

export interface HealthBody {
  status: 'ok';
  upstreams: {
    exness: { mode: AppConfig['exness']['mode'] };
    /** `problem`: the last HasOffers answer said the configured network is wrong. */
    hasoffers: { mode: AppConfig['hasoffers']['mode']; problem?: string };
  };
}

/** Plugins load on `ready()`/`listen()` (or `inject`), as usual with Fastify. */
export function buildApp(config: AppConfig, options: BuildAppOptions): FastifyInstance {
  // The last line of defence: config.ts already refuses this, main.ts never allows it.
  if (config.auth.devAutoSignIn !== undefined && process.env.NODE_ENV === 'production') {
    throw new Error('DEV_AUTO_SIGN_IN is refused when NODE_ENV=production.');
  }
  // Every secret the server holds; removed from upstream answers and from every log line.
  const redact = makeRedactor([
    config.hasoffers.networkToken,
    config.exness.password,
    config.exness.login,
  ]);
  const app = Fastify({
    logger: loggerOptions({
      level: config.logLevel,
      redact,
      ...(options.logStream && { stream: options.logStream }),
    }),
    bodyLimit: BODY_LIMIT_BYTES,
    // request.ip (the sign-in throttle's key) from X-Forwarded-For only via these proxies.
    ...(config.trustProxy.length > 0 && { trustProxy: config.trustProxy }),
  });

  app.setErrorHandler(handleError);
  registerSecurity(app, {
    allowedOrigins: config.allowedOrigins,
    allowedHosts: config.allowedHosts,
  });
  const now = options.auth?.now;
  const { storage } = options;
  const sessions = new SessionStore(storage.sessions, {
    idleMs: config.auth.sessionIdleMs,
    absoluteMs: config.auth.sessionMaxMs,
    // A database other processes use may have lost a session this one remembers (signed out
    // through another BFF): then every request asks it. Alone on its data, a process may trust
    // what it checked a moment ago (SESSION_DEFAULTS.cacheMs says why and for how long).
    ...(storage.shared && { cacheMs: 0 }),
    ...(options.auth?.maxSessions !== undefined && { maxSessions: options.auth.maxSessions }),
    ...(now && { now }),
  });
  const authOptions = {
    users: config.auth.users,
    ...(config.auth.devAutoSignIn !== undefined && { devAutoSignIn: config.auth.devAutoSignIn }),
    sessions,
    throttle: new LoginThrottle(storage.signInThrottle, {
      ...options.auth?.throttle,
      ...(now && { now }),
    }),
    hashes: new HashQueue(options.auth?.hashQueue),
  };
  let liveSession: LiveSessionLookup = async () => undefined;
  // The change history of cashflow groups: written around the proxy's writes, read at /api/history.
  const history = new HistoryRepository(storage.db);
  const retentionDays = config.historyRetentionDays;
  if (retentionDays !== undefined) {
    // At start and then every 6 hours; a failed purge is logged and tried again next time.
    const purge = () => {
      const cutoff = (options.auth?.now ?? Date.now)() - retentionDays * 86_400_000;
      history.purgeBefore(cutoff).then(
        (n) => {
          if (n > 0) app.log.info({ deleted: n, retentionDays }, 'old history purged');
        },
        (e: unknown) => app.log.warn({ err: e }, 'history purge failed'),
      );
    };
    const timer = setInterval(purge, 6 * 3_600_000);
    timer.unref();
    app.addHook('onReady', async () => purge());
    app.addHook('onClose', async () => clearInterval(timer));
  }

  // Everything under /api lives in this one plugin scope, and its guards and the sign-in gate are
  // this scope's hooks: whether a request is an /api call is decided by the route the router
  // matched (however the URL was spelled), never by reading the URL's text.
  app.register(
    async (api) => {
      registerApiGuards(api, { allowedOrigins: config.allowedOrigins });
      // After the host/origin checks: a foreign page is refused before any session is looked at.
      liveSession = registerAuth(api, authOptions);

      api.get(
        '/health',
        { config: { public: true, anyHost: true } },
        async (): Promise<HealthBody> => ({
          status: 'ok',
          upstreams: {
            exness: { mode: config.exness.mode },
            hasoffers: {
              mode: config.hasoffers.mode,
              ...(hasOffersProblem(config.hasoffers) !== undefined && {
                problem: hasOffersProblem(config.hasoffers),
              }),
            },
          },
        }),
      );

      api.register(exnessRoutes, {
        prefix: EXNESS_PREFIX.slice(API_PREFIX.length),
        upstream: config.exness,
        timeoutMs: config.upstreamTimeoutMs,
        redact,
        ...(config.upstreamMaxBytes !== undefined && { maxBytes: config.upstreamMaxBytes }),
      });
      api.register(hasOffersRoutes, {
        prefix: HASOFFERS_PATH.slice(API_PREFIX.length),
        upstream: config.hasoffers,
        timeoutMs: config.upstreamTimeoutMs,
        redact,
        rateLimit: { ...HASOFFERS_RATE_LIMIT, ...options.rateLimit },
        ...(config.upstreamMaxBytes !== undefined && { maxBytes: config.upstreamMaxBytes }),
        idempotency: {
          ttlMs: IDEMPOTENCY_DEFAULTS.ttlMs,
          maxEntries: IDEMPOTENCY_DEFAULTS.maxEntries,
          ...options.idempotency,
        },
        storage,
        history: new HistoryRecorder({ history, redact }),
      });
      api.register(historyRoutes, { prefix: HISTORY_PREFIX.slice(API_PREFIX.length), history });

      // An unknown /api address is a route of this scope too (more specific than the static
      // files' wildcard), so it gets the scope's hooks (no session: 401), then a JSON 404.
      const notFound = async (_request: FastifyRequest, reply: FastifyReply) =>
        sendError(reply, 404, 'NotFound', 'There is nothing at this address.');
      api.all('/', { prefixTrailingSlash: 'no-slash' }, notFound);
      api.all('/*', notFound);
      api.setNotFoundHandler(notFound);
    },
    { prefix: API_PREFIX },
  );

  const { staticRoot } = options;
  if (staticRoot !== undefined) {
    registerStaticFiles(app, staticRoot, { serveSourceMaps: config.serveSourceMaps === true });
  }

  app.setNotFoundHandler(async (request, reply) => {
    // Only addresses outside /api reach this handler: the /api scope has its own.
    if (staticRoot !== undefined) {
      if (await sendSpaFallback(request, reply, staticRoot, liveSession)) return reply;
    }
    return sendError(reply, 404, 'NotFound', 'There is nothing at this address.');
  });

  return app;
}
