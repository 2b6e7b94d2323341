// The query client: reads retry transient failures only (honouring Retry-After); writes never retry.
import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';

const MAX_READ_RETRIES = 3;

export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_READ_RETRIES && isApiError(error) && error.isTransient;
}

export function retryDelay(attempt: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterMs !== undefined)
    return Math.min(error.retryAfterMs, 60_000);
  return Math.min(500 * 2 ** attempt, 8_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryRead,
        retryDelay,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      // A write is never retried, and never parked while offline to fire by itself later: it
      // fails at once with a network error the user sees ('always' skips the offline pause).
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
