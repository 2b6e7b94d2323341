import { ApiError } from '@/lib/api-error';
import { onlineManager } from '@tanstack/react-query';
import { createQueryClient, retryDelay, shouldRetryRead } from '../query-client';

describe('read retry policy', () => {
  it.each([
    ['network', undefined, true],
    ['timeout', undefined, true],
    ['server', 502, true],
    ['rate-limit', 429, true],
    ['bad-request', 400, false],
    ['forbidden', 403, false],
    ['unauthorized', 401, false],
    ['upstream', undefined, false],
  ] as const)('%s (%s) → retry %s', (kind, status, expected) => {
    const err = new ApiError({ kind, message: 'x', ...(status !== undefined && { status }) });
    expect(shouldRetryRead(0, err)).toBe(expected);
  });

  it('stops after three retries', () => {
    const err = new ApiError({ kind: 'network', message: 'x' });
    expect(shouldRetryRead(2, err)).toBe(true);
    expect(shouldRetryRead(3, err)).toBe(false);
  });

  it('does not retry errors that are not ApiErrors (programming errors)', () => {
    expect(shouldRetryRead(0, new TypeError('boom'))).toBe(false);
  });

  it('honours Retry-After and caps the backoff', () => {
    expect(
      retryDelay(0, new ApiError({ kind: 'rate-limit', message: 'x', retryAfterMs: 7000 })),
    ).toBe(7000);
    expect(retryDelay(1, new Error('x'))).toBe(1000);
    expect(retryDelay(10, new Error('x'))).toBe(8000);
  });
});

describe('writes', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('are not retried and not parked while offline: they run (and fail) at once', async () => {
    const client = createQueryClient();
    onlineManager.setOnline(false);
    let calls = 0;
    const mutation = client.getMutationCache().build(client, {
      mutationFn: () => {
        calls += 1;
        return Promise.reject(new ApiError({ kind: 'network', message: 'offline' }));
      },
    });
    await expect(mutation.execute(undefined)).rejects.toMatchObject({ kind: 'network' });
    expect(calls).toBe(1);
    onlineManager.setOnline(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(1);
  });
});
