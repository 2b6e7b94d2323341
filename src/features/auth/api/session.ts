// The BFF's /api/session: who is signed in, sign in, sign out.
import { z } from 'zod/mini';
import { requestJson } from '@/lib/http';

export const SESSION_URL = '/api/session';

export const sessionStatusSchema = z.object({
  user: z.nullable(z.object({ name: z.string() })),
  /** Emulated dev mode: the server signs every browser in as a demo user. */
  autoSignIn: z.boolean(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** How a session ended, as this tab saw it (the sign-in page says so). */
export type SessionEnd = 'expired' | 'signed-out';

/** What the app keeps: the server's answer, plus how the session ended if it did. */
export type SessionState = SessionStatus & { endedBy?: SessionEnd };

export const SIGNED_OUT: SessionState = { user: null, autoSignIn: false };

export function fetchSession(): Promise<SessionStatus> {
  return requestJson(SESSION_URL, { schema: sessionStatusSchema });
}

export function signIn(username: string, password: string): Promise<SessionStatus> {
  return requestJson(SESSION_URL, {
    method: 'POST',
    body: { username, password },
    schema: sessionStatusSchema,
  });
}

export async function signOut(): Promise<void> {
  await requestJson(SESSION_URL, { method: 'DELETE', schema: z.unknown() });
}
