// The BFF against the shapes public recordings show (fixtures/recorded) and the emulators' faults:
// rebate list by GET only, a shield at the Exness login, the wrong-network-id answer, create
// reconciliation on `data.records`, and the wrong token's echo removed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  affiliateFindAllPaginated,
  cashflowGroupsRecords,
  cashflowGroupsRecordsEmpty,
  cashflowGroupsRecordsPaginated,
  conversionFindAllPaginatedEmpty,
  offerFilesWithoutPage,
  tagRelationsWithoutPageCount,
  wrongNetworkId,
  wrongNetworkToken,
} from '../../fixtures/recorded/hasoffers';
import type { RecordedAnswer } from '../../fixtures/recorded/recorded';
import { EMULATOR_CREDENTIALS } from '../../mock-api/credentials';
import { startExnessEmulator } from '../../mock-api/exness/server';
import type { HasOffersUpstream } from '../config';
import { HttpError } from '../errors';
import {
  assertHasOffersNetwork,
  hasOffersProblem,
  isWrongNetworkAnswer,
} from '../hasoffers/envelope-check';
import { findCreatedGroupId, rowsOf } from '../hasoffers/create-recovery';
import { makeRedactor } from '../upstream/redact';
import type { UpstreamResponse } from '../upstream/fetch-upstream';
import {
  call,
  control,
  expectNoLeak,
  postForm,
  postJson,
  startBff,
  startTestEmulators,
  testConfig,
  type Emulators,
  type RunningBff,
} from './harness';

const answer = (r: RecordedAnswer | string, status = 200): UpstreamResponse => ({
  status,
  headers: new Headers({ 'Content-Type': 'application/json' }),
  text: typeof r === 'string' ? r : r.text,
});

const dataOf = (r: RecordedAnswer): unknown =>
  (r.json as { response: { data: unknown } }).response.data;

const GROUPS = '/api/exness/api/v2/autorebates/groups/';

let emulators: Emulators;
let bff: RunningBff;
const ex = () => control(emulators.exnessUrl);
const ho = () => control(emulators.hasOffersUrl);

beforeAll(async () => {
  emulators = await startTestEmulators();
  bff = await startBff(testConfig(emulators));
});
afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});
beforeEach(async () => {
  await Promise.all([ex().reset(), ho().reset()]);
});

describe('the rows of every recorded find shape (create recovery)', () => {
  it.each([
    ['records, no page keys', cashflowGroupsRecords, 1],
    ['records with page keys', cashflowGroupsRecordsPaginated, 2],
    ['records empty', cashflowGroupsRecordsEmpty, 0],
    ['{page, current, count, pageCount, data: {id: row}}', affiliateFindAllPaginated, 2],
    ['paged, data []', conversionFindAllPaginatedEmpty, 0],
    ['{current, count, pageCount, data}', offerFilesWithoutPage, 1],
    ['{page, current, data}', tagRelationsWithoutPageCount, 1],
  ])('%s', (_name, recorded, rows) => {
    const found = rowsOf(dataOf(recorded));
    expect(found).toHaveLength(rows);
    // Rows, not the container: each is an object (flat or `{Model: {...}}`).
    for (const row of found) expect(row).toEqual(expect.objectContaining({}));
    for (const row of found) expect(Array.isArray(row)).toBe(false);
  });

  it('finds the created group by name in {records: [...]} without page keys', async () => {
    const upstream: HasOffersUpstream = {
      mode: 'real',
      apiUrl: 'http://127.0.0.1:9/Apiv3/json',
      networkToken: 'NETWORK_TOKEN_PLACEHOLDER',
    };
    const send = async () => answer(cashflowGroupsRecords);
    expect(await findCreatedGroupId('de MOBILE ', upstream, send)).toBe('7');
    expect(await findCreatedGroupId('Other', upstream, send)).toBeUndefined();
  });
});

describe('a create whose outcome was unknown is reconciled by name on {records}', () => {
  it('reset-after-success, then the retry finds the group: one create upstream', async () => {
    await ho().fault({ match: { hoMethod: 'createCashflowGroup' }, fault: 'reset-after-success' });
    const body = new URLSearchParams({
      Target: 'CashflowGroup',
      Method: 'createCashflowGroup',
      name: 'Reconciled on records',
      description: '',
      rules_json: '[]',
      affiliate_ids_json: '[]',
    }).toString();
    const first = await postForm(`${bff.url}/api/hasoffers`, body, { 'Idempotency-Key': 'rec-1' });
    expect(first.status).toBe(502);
    const retry = await postForm(`${bff.url}/api/hasoffers`, body, { 'Idempotency-Key': 'rec-1' });
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ response: { status: 1, data: '21' } });
    const calls = await ho().calls();
    expect(calls.filter((c) => c.hoMethod === 'createCashflowGroup')).toHaveLength(1);
    // The look-up the BFF made was answered in the no-page-keys variant.
    const lookups = calls.filter((c) => c.hoMethod === 'findCashflowGroups');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.params).not.toHaveProperty('limit');
  });
});

describe('Exness rebate list: GET only unless EXNESS_LIST_METHOD=POST', () => {
  it('lists by GET with repeated filter keys', async () => {
    const res = await call(`${bff.url}${GROUPS}?limit=3&group_type=AUTO&group_type=MANUAL`);
    expect(res.status).toBe(200);
    expect((res.json as { data: unknown[] }).data).toHaveLength(3);
  });

  it('refuses a POST with 403 saying why, and nothing reaches the API', async () => {
    const res = await postJson(`${bff.url}${GROUPS}`, { limit: 25 });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({
      code: 'Forbidden',
      message: expect.stringMatching(/creates a rebate group.*EXNESS_LIST_METHOD=POST/),
    });
    expect((await ex().calls()).filter((c) => c.path.includes('autorebates'))).toEqual([]);
  });

  it('with EXNESS_LIST_METHOD=POST passes a POST on, which the API takes as a create', async () => {
    const postBff = await startBff(testConfig(emulators, { exness: { listMethod: 'POST' } }));
    try {
      const res = await postJson(`${postBff.url}${GROUPS}`, { group_title: 'Made by a list' });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ group_title: 'Made by a list' });
    } finally {
      await postBff.close();
    }
  });
});

describe('Exness login refused by a shield', () => {
  it('a 403 HTML at login is UpstreamLoginRefused (not the password), and says what to try', async () => {
    await ex().fault({ match: { path: '/api/v2/auth/' }, fault: 'login-shield' });
    // A fresh BFF: the shared one may hold a token from an earlier test.
    const fresh = await startBff(testConfig(emulators));
    const res = await call(`${fresh.url}${GROUPS}?limit=1`).finally(() => fresh.close());
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({
      code: 'UpstreamLoginRefused',
      message: expect.stringMatching(/refused.*login.*IP address/i),
    });
    expect((res.json as { message: string }).message).toMatch(/password is probably not/);
    expectNoLeak(res.text, [EMULATOR_CREDENTIALS.exnessPassword, 'incap_ses', 'Incapsula']);
  });

  it('an HTML page with status 200 at login is refused the same way', async () => {
    const html = await startStandIn(200, '<html><body>Checking your browser</body></html>');
    const shieldBff = await startBff(testConfig(emulators, { exness: { apiUrl: html.url } }));
    try {
      const res = await call(`${shieldBff.url}${GROUPS}?limit=1`);
      expect(res.status).toBe(502);
      expect(res.json).toMatchObject({ code: 'UpstreamLoginRefused' });
    } finally {
      await shieldBff.close();
      await html.close();
    }
  });

  it('wrong credentials stay UpstreamAuthFailed', async () => {
    const exness = await startExnessEmulator({
      credentials: { login: 'other@example.com', password: 'other-password' },
    });
    const wrongBff = await startBff(testConfig(emulators, { exness: { apiUrl: exness.url } }));
    try {
      const res = await call(`${wrongBff.url}${GROUPS}?limit=1`);
      expect(res.status).toBe(502);
      expect(res.json).toMatchObject({ code: 'UpstreamAuthFailed' });
    } finally {
      await wrongBff.close();
      await exness.close();
    }
  });
});

/** A server that answers every request with one HTML page. */
async function startStandIn(
  status: number,
  html: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the wrong-network-id answer', () => {
  const upstream = (): HasOffersUpstream => ({
    mode: 'real',
    apiUrl: 'https://wrong.api.hasoffers.com/Apiv3/json',
    networkToken: 'tok-123456',
  });

  it('is recognised in the recorded form, and no ordinary envelope is', () => {
    expect(isWrongNetworkAnswer(answer(wrongNetworkId))).toBe(true);
    for (const other of [cashflowGroupsRecords, wrongNetworkToken, affiliateFindAllPaginated]) {
      expect(isWrongNetworkAnswer(answer(other))).toBe(false);
    }
    expect(isWrongNetworkAnswer(answer('<html>not json</html>'))).toBe(false);
  });

  it('throws a 502 UpstreamMisconfigured naming the settings; health reports it until a good answer', () => {
    const up = upstream();
    let thrown: unknown;
    try {
      assertHasOffersNetwork(answer(wrongNetworkId), up);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ statusCode: 502, code: 'UpstreamMisconfigured' });
    expect((thrown as HttpError).message).toMatch(/HASOFFERS_NETWORK_ID.*HASOFFERS_API_URL/);
    expect(hasOffersProblem(up)).toMatch(/HASOFFERS_NETWORK_ID/);
    expect(hasOffersProblem(upstream())).toBeUndefined();
    assertHasOffersNetwork(answer(cashflowGroupsRecords), up);
    expect(hasOffersProblem(up)).toBeUndefined();
  });

  it('/api/health reports upstreams.hasoffers.problem', async () => {
    const config = testConfig(emulators);
    const healthBff = await startBff(config);
    try {
      const before = await call(`${healthBff.url}/api/health`);
      expect(before.json).toMatchObject({ upstreams: { hasoffers: { mode: 'emulated' } } });
      expect(JSON.stringify(before.json)).not.toContain('problem');
      expect(() => assertHasOffersNetwork(answer(wrongNetworkId), config.hasoffers)).toThrow();
      const after = await call(`${healthBff.url}/api/health`);
      expect(after.json).toMatchObject({
        upstreams: { hasoffers: { problem: expect.stringMatching(/HASOFFERS_NETWORK_ID/) } },
      });
    } finally {
      await healthBff.close();
    }
  });

  it('through the BFF: 502 UpstreamMisconfigured, then health says so', async () => {
    await ho().fault({ fault: 'wrong-network-id' });
    const res = await call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll&limit=1`);
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({
      code: 'UpstreamMisconfigured',
      message: expect.stringContaining('HASOFFERS_NETWORK_ID'),
    });
    const health = await call(`${bff.url}/api/health`);
    expect(health.json).toMatchObject({
      upstreams: { hasoffers: { problem: expect.any(String) } },
    });
  });
});

describe('a wrong NetworkToken is repeated by the API, and removed by the BFF', () => {
  it('in the vendor wording (fixture): the redactor leaves no trace of the token', () => {
    const redact = makeRedactor(['NETWORK_TOKEN_PLACEHOLDER']);
    const out = redact(wrongNetworkToken.text);
    expect(wrongNetworkToken.text).toContain('NetworkToken NETWORK_TOKEN_PLACEHOLDER is not');
    expect(out).not.toContain('NETWORK_TOKEN_PLACEHOLDER');
    expect(out).toContain('is not authenticated');
  });

  it('over HTTP: the emulator refuses our token and repeats it; the browser never sees it', async () => {
    const canary = 'wrong-canary-token-8c1f';
    const tokenBff = await startBff(testConfig(emulators, { hasoffers: { networkToken: canary } }));
    try {
      const res = await call(
        `${tokenBff.url}/api/hasoffers?Target=Affiliate&Method=findAll&limit=1`,
      );
      const [logged] = (await ho().calls()).filter((c) => c.hoMethod === 'findAll');
      expect(JSON.stringify(logged?.params)).toContain(canary);
      expect(res.json).toMatchObject({ response: { status: -1 } });
      expectNoLeak(res.text, [canary]);
      expectNoLeak(tokenBff.logs.join('\n'), [canary]);
    } finally {
      await tokenBff.close();
    }
  });
});
