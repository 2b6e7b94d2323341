// Builds the BFF (Fastify): /api behind the security checks and the sign-in, optionally the built SPA.
// No listen here: callers (main, dev launcher, tests) choose where.
import Fastify, { type FastifyInstance } from 'fastify';
import { LoginThrottle, type LoginThrottleOptions } from './auth/login-throttle';
import { registerAuth } from './auth/routes';
import { SessionStore } from './auth/session-store';
import type { AppConfig } from './config';
import { handleError, sendError } from './errors';
import { EXNESS_PREFIX, exnessRoutes } from './exness/routes';
import { IDEMPOTENCY_DEFAULTS, type IdempotencyOptions } from './hasoffers/idempotency-store';
import { HASOFFERS_RATE_LIMIT, type RateLimiterOptions } from './hasoffers/rate-limiter';
import { HASOFFERS_PATH, hasOffersRoutes } from './hasoffers/routes';
import { loggerOptions, type LogStream } from './logger';
import { isApiPath, registerSecurity } from './security';
import { registerStaticFiles, sendSpaFallback } from './static-files';
import { makeRedactor } from './upstream/redact';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface BuildAppOptions {
  /** A built SPA (dist/) to serve, with index.html for client-side routes. */
  staticRoot?: string;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: LogStream;
  rateLimit?: Partial<RateLimiterOptions>;
  idempotency?: Partial<IdempotencyOptions>;
  /** Tests: a clock for sessions and the sign-in throttle, and throttle settings. */
  auth?: { now?: () => number; throttle?: Partial<LoginThrottleOptions>; maxSessions?: number };
}

export interface HealthBody {
  status: 'ok';
  upstreams: {
    exness: { mode: AppConfig['exness']['mode'] };
    hasoffers: { mode: AppConfig['hasoffers']['mode'] };
  };
}

/** Plugins load on `ready()`/`listen()` (or `inject`), as usual with Fastify. */
export function buildApp(config: AppConfig, options: BuildAppOptions = {}): FastifyInstance {
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
  // After the host/origin checks: a foreign page is refused before any session is looked at.
  const now = options.auth?.now;
  const liveSession = registerAuth(app, {
    users: config.auth.users,
    ...(config.auth.devAutoSignIn !== undefined && { devAutoSignIn: config.auth.devAutoSignIn }),
    sessions: new SessionStore({
      idleMs: config.auth.sessionIdleMs,
      absoluteMs: config.auth.sessionMaxMs,
      ...(options.auth?.maxSessions !== undefined && { maxSessions: options.auth.maxSessions }),
      ...(now && { now }),
    }),
    throttle: new LoginThrottle({ ...options.auth?.throttle, ...(now && { now }) }),
  });

  app.get('/api/health', async (): Promise<HealthBody> => ({
    status: 'ok',
    upstreams: {
      exness: { mode: config.exness.mode },
      hasoffers: { mode: config.hasoffers.mode },
    },
  }));

  app.register(exnessRoutes, {
    prefix: EXNESS_PREFIX,
    upstream: config.exness,
    timeoutMs: config.upstreamTimeoutMs,
    redact,
  });
  app.register(hasOffersRoutes, {
    prefix: HASOFFERS_PATH,
    upstream: config.hasoffers,
    timeoutMs: config.upstreamTimeoutMs,
    redact,
    rateLimit: { ...HASOFFERS_RATE_LIMIT, ...options.rateLimit },
    idempotency: { ...IDEMPOTENCY_DEFAULTS, ...options.idempotency },
  });

  const { staticRoot } = options;
  if (staticRoot !== undefined) registerStaticFiles(app, staticRoot);

  app.setNotFoundHandler(async (request, reply) => {
    if (!isApiPath(request.url) && staticRoot !== undefined) {
      if (await sendSpaFallback(request, reply, staticRoot, liveSession)) return reply;
    }
    return sendError(reply, 404, 'NotFound', 'There is nothing at this address.');
  });

  return app;
}
