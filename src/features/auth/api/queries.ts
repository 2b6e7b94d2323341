// The session query: one cache entry for "who is signed in".
import { queryOptions } from '@tanstack/react-query';
import { fetchSession, type SessionState } from './session';

export const sessionQueries = {
  status: () =>
    queryOptions<SessionState>({
      queryKey: ['session'] as const,
      // The AbortSignal is left unread, like the rebate groups list's (see its api/queries.ts):
      // main.tsx's preload and the guard share this request, and a read signal would have
      // StrictMode's remount cancel it and ask again.
      queryFn: () => fetchSession(),
      // Fresh until something says otherwise (sign-in, sign-out, a 401 anywhere).
      staleTime: Infinity,
      // A failed check must not hold the page back: the pages show their own errors.
      retry: false,
    }),
};
