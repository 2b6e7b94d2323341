// Real-looking HS256 JWTs for the Exness emulator: clients see the same three-part token with
// an `exp` claim as from the real API, and expiry is checked exactly like a server would.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  user_id: number;
  username: string;
  email: string;
  /** Seconds since the epoch; fractional when the TTL is not whole seconds (RFC 7519 allows it). */
  exp: number;
  iat: number;
  jti: string;
}

const b64url = (input: Buffer | string): string => Buffer.from(input).toString('base64url');

function signature(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

export function signToken(
  secret: string,
  subject: { userId: number; login: string },
  nowMs: number,
  ttlMs: number,
  jti: string,
): string {
  const iat = Math.floor(nowMs / 1000);
  const exp = ttlMs % 1000 === 0 ? iat + ttlMs / 1000 : (nowMs + ttlMs) / 1000;
  const claims: TokenClaims = {
    user_id: subject.userId,
    username: subject.login,
    email: subject.login,
    exp,
    iat,
    jti,
  };
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${signature(secret, `${head}.${body}`)}`;
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyToken(secret: string, token: string, nowMs: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [head, body, sig] = parts as [string, string, string];
  const expected = Buffer.from(signature(secret, `${head}.${body}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'invalid' };
  }
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof claims.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (nowMs / 1000 >= claims.exp) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
