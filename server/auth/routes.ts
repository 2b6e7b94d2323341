// The dashboard's own sign-in: /api/session (status, sign-in, sign-out) and the gate that answers
// 401 to every other /api call without a live session, before any upstream is called.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendError } from '../errors';
import {
  clearedSessionCookie,
  readCookie,
  secureCookieFor,
  sessionCookie,
  sessionCookieName,
} from './cookies';
import { HashQueueFullError, type HashQueue } from './hash-queue';
import type { LoginThrottle } from './login-throttle';
import {
  MAX_PASSWORD_LENGTH,
  SCRYPT_DEFAULTS,
  verifyPassword,
  type PasswordHash,
} from './password-hash';
import type { SessionStore } from './session-store';
import { normalizeUserName, type DashboardUser } from './users';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in dashboard user; set by the session gate on every gated /api call. */
    dashboardUser?: string;
  }
}

export const SESSION_PATH = '/api/session';

export interface AuthOptions {
  users: readonly DashboardUser[];
  /** DEV_AUTO_SIGN_IN: every request without a session gets one for this user (dev only). */
  devAutoSignIn?: string;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** The global cap on password hashes at once. */
  hashes: HashQueue;
}

/** The one answer for an unknown user and a wrong password alike. */
export const WRONG_CREDENTIALS_MESSAGE = 'Wrong user name or password.';

export interface SessionStatus {
  user: { name: string } | null;
  /** Signed in automatically (emulated dev mode): signing out signs straight back in. */
  autoSignIn: boolean;
}

/** The status of this request's live session (kept alive by the look), or undefined. */
export type LiveSessionLookup = (request: FastifyRequest) => Promise<SessionStatus | undefined>;

const signInBody = z.object({
  username: z.string().max(256),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

/**
 * Registers the gate and the session routes (at `/session`) in the /api plugin scope; returns the
 * live-session lookup for the page. The gate is a hook of that scope: it runs for every route the
 * router matched there, and a route opts out only through its own `config.public`.
 */
export function registerAuth(api: FastifyInstance, options: AuthOptions): LiveSessionLookup {
  const { users, sessions, throttle, devAutoSignIn } = options;
  // Unknown names are checked against this (same cost as a real user's hash), so the time an
  // answer takes does not tell which names exist. It matches no password: the key is random.
  const params = users[0]?.hash ?? SCRYPT_DEFAULTS;
  const decoy: PasswordHash = {
    N: params.N,
    r: params.r,
    p: params.p,
    salt: randomBytes(16),
    key: randomBytes(users[0]?.hash.key.length ?? 32),
  };

  const cookieContext = (request: FastifyRequest) => {
    const secure = secureCookieFor(request.headers.host);
    return { secure, id: readCookie(request.headers.cookie, sessionCookieName(secure)) };
  };

  const startSession = async (
    reply: FastifyReply,
    user: string,
    auto: boolean,
    secure: boolean,
  ) => {
    const { id, session } = await sessions.create(user, auto);
    reply.header('Set-Cookie', sessionCookie(id, sessions.remainingMs(session), secure));
    return session;
  };

  /**
   * The live session for this cookie, if its user may still sign in: sessions outlive a restart,
   * so a user removed from DASHBOARD_USERS (or an auto sign-in no longer configured) is signed
   * out at the first request after the restart that removed them.
   */
  const liveSession = async (id: string | undefined) => {
    const session = await sessions.touch(id);
    if (!session) return undefined;
    const allowed = session.auto
      ? session.user === devAutoSignIn
      : users.some((u) => u.name === session.user);
    if (allowed) return session;
    await sessions.delete(id);
    return undefined;
  };

  api.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public === true) return undefined;
    const { secure, id } = cookieContext(request);
    const session = await liveSession(id);
    if (session) {
      request.dashboardUser = session.user;
      return undefined;
    }
    if (devAutoSignIn !== undefined) {
      await startSession(reply, devAutoSignIn, true, secure);
      request.dashboardUser = devAutoSignIn;
      return undefined;
    }
    return sendError(reply, 401, 'Unauthorized', 'You are not signed in. Sign in to continue.');
  });

  const liveStatus: LiveSessionLookup = async (request) => {
    const session = await liveSession(cookieContext(request).id);
    return session ? { user: { name: session.user }, autoSignIn: session.auto } : undefined;
  };

  api.get(
    '/session',
    { config: { public: true } },
    async (request, reply): Promise<SessionStatus> => {
      const live = await liveStatus(request);
      if (live) return live;
      const { secure } = cookieContext(request);
      if (devAutoSignIn !== undefined) {
        await startSession(reply, devAutoSignIn, true, secure);
        return { user: { name: devAutoSignIn }, autoSignIn: true };
      }
      return { user: null, autoSignIn: false };
    },
  );

  api.post(
    '/session',
    { bodyLimit: 8 * 1024, config: { public: true } },
    async (request, reply) => {
      const body = signInBody.safeParse(request.body);
      if (!body.success) {
        return sendError(
          reply,
          400,
          'BadRequest',
          'Send a JSON body with a username and a password.',
        );
      }
      const name = normalizeUserName(body.data.username);
      const decision = await throttle.attempt(name, request.ip);
      if (!decision.allowed) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        request.log.warn({ ip: request.ip }, 'sign-in throttled');
        return sendError(
          reply,
          429,
          'RateLimited',
          `Too many failed sign-ins. Try again in ${seconds} s.`,
          { 'Retry-After': String(seconds) },
        );
      }
      const user = users.find((u) => u.name === name);
      let ok: boolean | 'unchecked' = 'unchecked';
      try {
        const matches = await options.hashes.run(() =>
          verifyPassword(body.data.password, user?.hash ?? decoy),
        );
        ok = matches && user !== undefined;
      } catch (e) {
        if (!(e instanceof HashQueueFullError)) throw e;
        request.log.warn({ ip: request.ip }, 'sign-in refused: the password hasher is busy');
        return sendError(
          reply,
          429,
          'RateLimited',
          'Too many sign-ins are being checked right now. Try again in 2 s.',
          { 'Retry-After': '2' },
        );
      } finally {
        await decision.done(ok);
      }
      if (!ok || !user) {
        // Only known names are logged: people type passwords into the name field.
        request.log.warn({ user: user?.name ?? '(unknown)', ip: request.ip }, 'sign-in failed');
        return sendError(reply, 401, 'InvalidCredentials', WRONG_CREDENTIALS_MESSAGE);
      }
      const { secure, id } = cookieContext(request);
      // A fresh id at every sign-in: an id planted before sign-in never becomes a signed-in one.
      await sessions.delete(id);
      await startSession(reply, user.name, false, secure);
      request.log.info({ user: user.name }, 'signed in');
      const status: SessionStatus = { user: { name: user.name }, autoSignIn: false };
      return reply.send(status);
    },
  );

  api.delete('/session', { config: { public: true } }, async (request, reply) => {
    const { secure, id } = cookieContext(request);
    await sessions.delete(id);
    reply.header('Set-Cookie', clearedSessionCookie(secure));
    return reply.code(204).send();
  });

  return liveStatus;
}
