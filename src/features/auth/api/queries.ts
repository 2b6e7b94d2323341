// The session query: one cache entry for "who is signed in".
import { queryOptions } from '@tanstack/react-query';
import { fetchSession, type SessionState } from './session';

export const sessionQueries = {
  status: () =>
    queryOptions<SessionState>({
      queryKey: ['session'] as const,
      queryFn: ({ signal }) => fetchSession(signal),
      // Fresh until something says otherwise (sign-in, sign-out, a 401 anywhere).
      staleTime: Infinity,
      // A failed check must not hold the page back: the pages show their own errors.
      retry: false,
    }),
};
