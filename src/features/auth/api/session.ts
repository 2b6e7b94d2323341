// The BFF's /api/session: who is signed in, sign in, sign out.
import { z } from 'zod';
import { requestJson } from '@/lib/http';

export const SESSION_URL = '/api/session';

export const sessionStatusSchema = z.object({
  user: z.object({ name: z.string() }).nullable(),
  /** Emulated dev mode: the server signs every browser in as a demo user. */
  autoSignIn: z.boolean(),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const SIGNED_OUT: SessionStatus = { user: null, autoSignIn: false };

export function fetchSession(signal?: AbortSignal): Promise<SessionStatus> {
  return requestJson(SESSION_URL, { schema: sessionStatusSchema, ...(signal && { signal }) });
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
