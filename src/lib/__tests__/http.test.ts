import { z } from 'zod/mini';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorFromResponse, issueText, parseRetryAfter, requestJson } from '../http';
import { ApiError } from '../api-error';

describe('errorFromResponse', () => {
  it.each([
    [401, { code: 'TokenExpired', message: 'Token expired' }, 'unauthorized', 'Token expired'],
    [403, { code: 'PermissionDenied', message: 'No access' }, 'forbidden', 'No access'],
    [404, { detail: 'Not found.' }, 'not-found', 'Not found.'],
    [429, { code: 'Throttled', message: 'Slow down' }, 'rate-limit', 'Slow down'],
    [
      502,
      { code: 'UpstreamUnavailable', message: 'Exness is unreachable' },
      'server',
      'Exness is unreachable',
    ],
    [504, { code: 'UpstreamTimeout', message: 'Timed out' }, 'timeout', 'Timed out'],
    [500, undefined, 'server', 'The server answered 500.'],
  ])('%i %j → %s', (status, body, kind, message) => {
    const err = errorFromResponse(status, body, null);
    expect(err.kind).toBe(kind);
    expect(err.message).toBe(message);
  });

  it('reads DRF field-keyed 400s into fieldErrors and a message', () => {
    const err = errorFromResponse(
      400,
      { ordering: ['Unknown field: foo'], limit: 'Too big' },
      null,
    );
    expect(err.kind).toBe('bad-request');
    expect(err.fieldErrors).toEqual({ ordering: ['Unknown field: foo'], limit: ['Too big'] });
    expect(err.message).toBe('ordering: Unknown field: foo; limit: Too big');
  });

  it('honours Retry-After on a 429 and defaults when absent', () => {
    expect(errorFromResponse(429, {}, '7').retryAfterMs).toBe(7000);
    expect(errorFromResponse(429, {}, null).retryAfterMs).toBe(5000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('issueText', () => {
  const issuesOf = (schema: z.ZodMiniType, value: unknown) => {
    const r = z.safeParse(schema, value);
    if (r.success) throw new Error('expected issues');
    return r.error.issues.map(issueText);
  };

  it.each([
    [
      'a wrong type, nested',
      z.object({ rows: z.array(z.object({ id: z.number() })) }),
      { rows: [{ id: 'x' }] },
      ['rows.0.id: expected number'],
    ],
    ['a wrong type at the top', z.string(), 42, ['(the answer): expected string']],
    ['a missing key', z.object({ id: z.number() }), {}, ['id: expected number']],
    [
      'a check with its own message',
      z.string().check(z.regex(/^\d+$/, 'not an id')),
      'a',
      ['(the answer): not an id'],
    ],
  ] as const)('%s', (_name, schema, value, expected) => {
    expect(issuesOf(schema, value)).toEqual(expected);
  });
});

describe('requestJson', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('sends JSON with the dashboard header and validates the answer', async () => {
    let seen: { body: unknown; header: string | null; type: string | null } | undefined;
    server.use(
      http.post('http://localhost/api/thing', async ({ request }) => {
        seen = {
          body: await request.json(),
          header: request.headers.get('x-requested-with'),
          type: request.headers.get('content-type'),
        };
        return HttpResponse.json({ id: 3 });
      }),
    );
    const data = await requestJson('http://localhost/api/thing', {
      method: 'POST',
      body: { a: [1] },
      schema: z.object({ id: z.number() }),
    });
    expect(data).toEqual({ id: 3 });
    expect(seen).toEqual({ body: { a: [1] }, header: 'dashboard', type: 'application/json' });
  });

  it('sends URLSearchParams form-encoded', async () => {
    let text = '';
    server.use(
      http.post('http://localhost/api/form', async ({ request }) => {
        text = await request.text();
        return HttpResponse.json(true);
      }),
    );
    await requestJson('http://localhost/api/form', {
      method: 'POST',
      body: new URLSearchParams({ a: '1 2' }),
      schema: z.boolean(),
    });
    expect(text).toBe('a=1+2');
  });

  it('throws invalid-response when the answer does not match the schema', async () => {
    server.use(http.get('http://localhost/api/x', () => HttpResponse.json({ id: 'nope' })));
    await expect(
      requestJson('http://localhost/api/x', { schema: z.object({ id: z.number() }) }),
    ).rejects.toMatchObject({
      kind: 'invalid-response',
      // zod/mini has no message locale: the details say what was expected, and where.
      details: ['id: expected number'],
    });
  });

  it('turns a dropped connection into a network error', async () => {
    server.use(http.get('http://localhost/api/x', () => HttpResponse.error()));
    await expect(
      requestJson('http://localhost/api/x', { schema: z.unknown() }),
    ).rejects.toMatchObject({ kind: 'network' });
  });

  it('times out with a timeout error', async () => {
    server.use(http.get('http://localhost/api/slow', () => new Promise<never>(() => {})));
    const err = await requestJson('http://localhost/api/slow', {
      schema: z.unknown(),
      timeoutMs: 50,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('timeout');
  });

  it('reports a caller cancel as aborted, not as a timeout', async () => {
    server.use(http.get('http://localhost/api/slow', () => new Promise<never>(() => {})));
    const controller = new AbortController();
    const pending = requestJson('http://localhost/api/slow', {
      schema: z.unknown(),
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});
