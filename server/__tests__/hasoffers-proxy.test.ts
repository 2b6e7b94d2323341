// /api/hasoffers against the real HasOffers emulator: allowlist, token, idempotency, rate limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../mock-api/credentials';
import {
  call,
  control,
  expectNoLeak,
  postForm,
  startBff,
  startTestEmulators,
  testConfig,
  type Emulators,
  type LoggedCall,
  type RunningBff,
} from './harness';

const TOKEN = EMULATOR_CREDENTIALS.hasOffersNetworkToken;

interface Envelope {
  request: Record<string, unknown>;
  response: { status: number; data: unknown; errors: unknown; errorMessage: string | null };
}

let emulators: Emulators;
let bff: RunningBff;
let hasoffers: ReturnType<typeof control>;
const api = () => `${bff.url}/api/hasoffers`;
const apiCalls = async (): Promise<LoggedCall[]> =>
  (await hasoffers.calls()).filter((c) => c.path === '/Apiv3/json');

const rules = JSON.stringify([{ field: 'country', operator: 'IN', value: ['DE'], negate: 0 }]);
const createParams = (name: string) =>
  new URLSearchParams({
    Target: 'CashflowGroup',
    Method: 'createCashflowGroup',
    name,
    description: 'Test group',
    rules_json: rules,
    affiliate_ids_json: '[]',
  }).toString();

beforeAll(async () => {
  emulators = await startTestEmulators();
  bff = await startBff(testConfig(emulators));
  hasoffers = control(emulators.hasOffersUrl);
});

afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});

beforeEach(async () => {
  await hasoffers.reset();
});

describe('/api/hasoffers', () => {
  it('forwards a read with the server’s NetworkToken and strips the echo from the answer', async () => {
    const res = await call(
      `${api()}?Target=Affiliate&Method=findAll&limit=2&fields[]=id&fields[]=company`,
    );
    expect(res.status).toBe(200);
    const body = res.json as Envelope;
    expect(body.response.status).toBe(1);
    expect(body.request).toMatchObject({ Target: 'Affiliate', Method: 'findAll' });
    expect(Object.keys(body.request).map((k) => k.toLowerCase())).not.toContain('networktoken');
    expectNoLeak(res.text, [TOKEN]);

    const [upstream] = await apiCalls();
    expect(upstream?.method).toBe('GET');
    // Ours, added by the server (a browser's own token is refused: see security-spellings).
    expect(upstream?.query.NetworkToken).toBe(TOKEN);
    expect(upstream?.query['fields[]']).toEqual(['id', 'company']);
    expect(upstream?.headers['x-requested-with']).toBeUndefined();
  });

  it('passes the answer through byte for byte, the token member aside (id order kept)', async () => {
    const query = 'Target=Affiliate&Method=findAll&limit=5&sort[company]=desc&fields[]=company';
    const direct = await fetch(
      `${emulators.hasOffersUrl}/Apiv3/json?${query}&NetworkToken=${TOKEN}`,
    );
    const directText = await direct.text();
    const viaBff = await call(`${api()}?${query}`);
    expect(directText).toContain(`"NetworkToken":"${TOKEN}",`);
    expect(viaBff.text).toBe(directText.replace(`"NetworkToken":"${TOKEN}",`, ''));
    // The sort is descending by company, so the ids are not in ascending order.
    const ids = [...viaBff.text.matchAll(/"(\d+)":\{"Affiliate"/g)].map((m) => Number(m[1]));
    expect(ids.length).toBe(5);
    expect(ids).not.toEqual([...ids].sort((a, b) => a - b));
  });

  it('accepts a read as a form POST from the browser', async () => {
    const res = await postForm(
      api(),
      'Target=CashflowGroup&Method=findCashflowGroups&limit=5&page=1&sort[name]=asc',
    );
    expect(res.status).toBe(200);
    expect((res.json as Envelope).response.status).toBe(1);
    expectNoLeak(res.text, [TOKEN]);
  });

  it('sends a create upstream as a form-encoded POST and returns the new id', async () => {
    const res = await postForm(api(), createParams('BFF create test'));
    expect(res.status).toBe(200);
    const body = res.json as Envelope;
    expect(body.response.status).toBe(1);
    expect(body.response.data).toMatch(/^\d+$/);
    expectNoLeak(res.text, [TOKEN]);

    const [upstream] = await apiCalls();
    expect(upstream?.method).toBe('POST');
    expect(upstream?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(upstream?.query).toEqual({});
    expect(upstream?.params).toMatchObject({
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name: 'BFF create test',
      rules_json: rules,
      NetworkToken: TOKEN,
    });
  });

  it('refuses a write sent as GET (405) without calling the upstream', async () => {
    const res = await call(`${api()}?${createParams('via GET')}`);
    expect(res.status).toBe(405);
    expect(res.json).toMatchObject({ code: 'MethodNotAllowed' });
    expect(res.headers.get('allow')).toBe('POST');
    expect(await apiCalls()).toEqual([]);
  });

  it.each([
    ['Target=Affiliate&Method=create&data[company]=x', 403],
    ['Target=Affiliate&Method=updateField&id=2&field=status&value=deleted', 403],
    ['Target=CashflowGroup&Method=deleteCashflowGroup&id=1', 403],
    ['Target=Employee&Method=findAll', 403],
    ['Target=ApiWhitelist&Method=addIp&ip=1.2.3.4', 403],
    ['Target=affiliate&Method=findAll', 403],
    ['Target=Affiliate&Method=findall', 403],
    ['Target=Affiliate&Method=findAll&Method[]=create', 400],
    ['Target=Affiliate&Target=Employee&Method=findAll', 400],
    ['Method=findAll', 400],
  ])('refuses %s (%i) and never calls the upstream', async (query, status) => {
    const viaGet = await call(`${api()}?${query}`);
    const viaPost = await postForm(api(), query);
    for (const res of [viaGet, viaPost]) {
      expect(res.status).toBe(status);
      expect(res.json).toMatchObject({ code: status === 403 ? 'Forbidden' : 'BadRequest' });
    }
    expect(await apiCalls()).toEqual([]);
  });

  it('refuses JSON bodies (415) and other methods (405)', async () => {
    const json = await call(api(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Target: 'Affiliate', Method: 'findAll' }),
    });
    expect(json.status).toBe(415);
    expect(json.json).toMatchObject({ code: 'UnsupportedMediaType' });
    const put = await call(`${api()}?Target=Affiliate&Method=findAll`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.json).toMatchObject({ code: 'MethodNotAllowed' });
    expect(await apiCalls()).toEqual([]);
  });

  it('redacts the token where an upstream error repeats it', async () => {
    await hasoffers.fault({ match: { hoMethod: 'findAll' }, fault: 'token-expired' });
    const res = await call(`${api()}?Target=Affiliate&Method=findAll`);
    expect(res.status).toBe(200);
    const body = res.json as Envelope;
    expect(body.response.status).toBe(-1);
    expect(body.response.errorMessage).toBe('NetworkToken [redacted] is not authenticated');
    expectNoLeak(res.text, [TOKEN]);
  });

  it('passes HasOffers’ own rate-limit answer through', async () => {
    await hasoffers.fault({ match: { hoMethod: 'findList' }, fault: 'rate-limit' });
    const res = await call(`${api()}?Target=Affiliate&Method=findList`);
    expect(res.status).toBe(200);
    expect((res.json as Envelope).response.errorMessage).toMatch(/rate limit/);
  });
});

describe('/api/hasoffers with a wrong NetworkToken', () => {
  const wrongToken = 'wrong-token-7d1e9a';
  let wrong: RunningBff;
  beforeAll(async () => {
    wrong = await startBff(testConfig(emulators, { hasoffers: { networkToken: wrongToken } }));
  });
  afterAll(async () => {
    await wrong?.close();
  });

  it('the echoed and repeated token leave no trace in the answer or the logs', async () => {
    const res = await call(`${wrong.url}/api/hasoffers?Target=Affiliate&Method=findAll`);
    expect(res.status).toBe(200);
    const body = res.json as Envelope;
    expect(body.response.status).toBe(-1);
    expect(body.response.errorMessage).toBe('NetworkToken [redacted] is not authenticated');
    expect(body.request.NetworkToken).toBeUndefined();
    expectNoLeak(res.text, [wrongToken, 'wrong-token', '7d1e9a']);
    // The emulator did receive it: the redaction, not the absence, makes the answer clean.
    const [upstream] = await apiCalls();
    expect(upstream?.query.NetworkToken).toBe(wrongToken);
    expectNoLeak(wrong.logs.join(''), [wrongToken]);
  });
});

describe('idempotent creates', () => {
  // Without the history's read-back of a created group (findCashflowGroupById, history.test.ts).
  const createCalls = async () =>
    (await apiCalls()).filter((c) => c.hoMethod !== 'findCashflowGroupById');

  it('a repeated Idempotency-Key returns the first result without creating again', async () => {
    const headers = { 'Idempotency-Key': 'create-1' };
    const first = await postForm(api(), createParams('Idem A'), headers);
    const second = await postForm(api(), createParams('Idem A'), headers);
    expect(first.status).toBe(200);
    expect((first.json as Envelope).response.status).toBe(1);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await createCalls()).toHaveLength(1);
  });

  it('the same key with a different body is a 422', async () => {
    const headers = { 'Idempotency-Key': 'create-2' };
    expect((await postForm(api(), createParams('Idem B'), headers)).status).toBe(200);
    const other = await postForm(api(), createParams('Idem B2'), headers);
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ code: 'IdempotencyKeyReused' });
    expect(await createCalls()).toHaveLength(1);
  });

  it('a concurrent duplicate waits for the first and gets its result', async () => {
    await hasoffers.fault({
      match: { hoMethod: 'createCashflowGroup' },
      fault: 'delay',
      delayMs: 300,
    });
    const headers = { 'Idempotency-Key': 'create-3' };
    const [a, b] = await Promise.all([
      postForm(api(), createParams('Idem C'), headers),
      postForm(api(), createParams('Idem C'), headers),
    ]);
    expect(a.status).toBe(200);
    expect(b.text).toBe(a.text);
    expect(await createCalls()).toHaveLength(1);
  });

  it('a create HasOffers refused is not remembered: the same key may try again', async () => {
    const headers = { 'Idempotency-Key': 'create-4' };
    await hasoffers.fault({ match: { hoMethod: 'createCashflowGroup' }, fault: 'rate-limit' });
    const refused = await postForm(api(), createParams('Idem D'), headers);
    expect((refused.json as Envelope).response.status).toBe(-1);
    const retried = await postForm(api(), createParams('Idem D'), headers);
    expect(retried.status).toBe(200);
    expect((retried.json as Envelope).response.status).toBe(1);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    // Refused means nothing was created: no lookup before the second create.
    expect((await createCalls()).map((c) => c.hoMethod)).toEqual([
      'createCashflowGroup',
      'createCashflowGroup',
    ]);
  });

  it('without a key, two creates are two creates', async () => {
    await postForm(api(), createParams('No key 1'));
    await postForm(api(), createParams('No key 2'));
    expect(await createCalls()).toHaveLength(2);
  });
});

describe('the shared HasOffers rate limiter', () => {
  let limited: RunningBff;
  beforeAll(async () => {
    limited = await startBff(testConfig(emulators), {
      // Tiny numbers so the test needs no waiting: 3 calls, then the queue (size 0) is full.
      rateLimit: { limit: 3, windowMs: 60_000, maxQueue: 0, maxWaitMs: 0 },
    });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('answers 429 with Retry-After once its budget is spent, without calling the upstream', async () => {
    const url = `${limited.url}/api/hasoffers?Target=Affiliate&Method=findList`;
    for (let i = 0; i < 3; i++) expect((await call(url)).status).toBe(200);
    const refused = await call(url);
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ code: 'RateLimited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await apiCalls()).toHaveLength(3);
  });
});
