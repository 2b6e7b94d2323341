// Upstream failures become the BFF's own JSON answers (504/502), with nothing leaked.
import { createServer, type AddressInfo } from 'node:net';
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
  type RunningBff,
} from './harness';

const GROUPS = '/api/v2/autorebates/groups/';
/** The rebate list as the client sends it: GET with query parameters (a POST creates upstream). */
const listGet = (url: string, params: Record<string, string | number> = {}) =>
  call(
    `${url}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`,
  );

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let emulators: Emulators;
let bff: RunningBff;
let exness: ReturnType<typeof control>;
let hasoffers: ReturnType<typeof control>;
let secrets: string[];

beforeAll(async () => {
  emulators = await startTestEmulators();
  // Short enough that a hang costs the test little; no assertion depends on it.
  bff = await startBff(testConfig(emulators, { upstreamTimeoutMs: 300 }));
  exness = control(emulators.exnessUrl);
  hasoffers = control(emulators.hasOffersUrl);
  secrets = [
    EMULATOR_CREDENTIALS.exnessLogin,
    EMULATOR_CREDENTIALS.exnessPassword,
    EMULATOR_CREDENTIALS.hasOffersNetworkToken,
    emulators.exnessUrl,
    emulators.hasOffersUrl,
    new URL(emulators.exnessUrl).port,
    new URL(emulators.hasOffersUrl).port,
  ];
});

afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});

beforeEach(async () => {
  await Promise.all([exness.reset(), hasoffers.reset()]);
});

describe('timeouts', () => {
  it('an Exness call that hangs → 504 UpstreamTimeout', async () => {
    await exness.fault({ match: { path: GROUPS }, fault: 'hang' });
    const res = await listGet(`${bff.url}/api/exness${GROUPS}`, {});
    expect(res.status).toBe(504);
    expect(res.json).toEqual({
      code: 'UpstreamTimeout',
      message: 'The Exness API did not answer in time.',
    });
    expectNoLeak(res.text, secrets);
  });

  it('an Exness login that hangs → 504 too', async () => {
    const fresh = await startBff(testConfig(emulators, { upstreamTimeoutMs: 300 }));
    try {
      await exness.fault({ match: { path: '/api/v2/auth/' }, fault: 'hang' });
      const res = await listGet(`${fresh.url}/api/exness${GROUPS}`, {});
      expect(res.status).toBe(504);
      expect(res.json).toMatchObject({ code: 'UpstreamTimeout' });
    } finally {
      await fresh.close();
    }
  });

  it('a HasOffers call that hangs → 504 UpstreamTimeout', async () => {
    await hasoffers.fault({ match: { hoMethod: 'findAll' }, fault: 'hang' });
    const res = await call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll`);
    expect(res.status).toBe(504);
    expect(res.json).toEqual({
      code: 'UpstreamTimeout',
      message: 'The HasOffers API did not answer in time.',
    });
    expectNoLeak(res.text, secrets);
  });
});

describe('connection failures', () => {
  it('a reset connection → 502 UpstreamConnectionLost: sent, answer lost (Exness and HasOffers)', async () => {
    // Twice: a read reset on a kept-alive connection is sent once more on a new one (below).
    await exness.fault({ match: { path: GROUPS }, fault: 'reset-connection', count: 2 });
    const ex = await listGet(`${bff.url}/api/exness${GROUPS}`, {});
    expect(ex.status).toBe(502);
    expect(ex.json).toEqual({
      code: 'UpstreamConnectionLost',
      message: 'The connection to the Exness API broke before its answer arrived.',
    });
    expectNoLeak(ex.text, secrets);

    await hasoffers.fault({
      match: { hoMethod: 'createCashflowGroup' },
      fault: 'reset-after-success',
    });
    const ho = await postForm(
      `${bff.url}/api/hasoffers`,
      'Target=CashflowGroup&Method=createCashflowGroup&name=Reset&rules_json=[]&affiliate_ids_json=[]',
    );
    expect(ho.status).toBe(502);
    // HasOffers did create it: the browser must not be told it was not reached.
    expect(ho.json).toMatchObject({ code: 'UpstreamConnectionLost' });
    expectNoLeak(ho.text, secrets);
  });

  it('a read whose kept-alive connection the upstream dropped is sent once more, and answered', async () => {
    // The first call leaves its connection in the pool; the second goes out on it.
    expect((await listGet(`${bff.url}/api/exness${GROUPS}`, {})).status).toBe(200);
    await exness.fault({ match: { path: GROUPS }, fault: 'reset-connection' });
    const res = await listGet(`${bff.url}/api/exness${GROUPS}`, {});
    expect(res.status).toBe(200);
    const calls = (await exness.calls()).filter((c) => c.path === GROUPS);
    expect(calls.map((c) => c.fault ?? 'answered')).toEqual([
      'answered',
      'reset-connection',
      'answered',
    ]);
  });

  it('an upstream on a closed port → 502 UpstreamUnavailable', async () => {
    const port = await closedPort();
    const down = await startBff(
      testConfig(
        { exnessUrl: `http://127.0.0.1:${port}`, hasOffersUrl: `http://127.0.0.1:${port}` },
        {},
      ),
    );
    try {
      const ex = await listGet(`${down.url}/api/exness${GROUPS}`, {});
      expect(ex.status).toBe(502);
      expect(ex.json).toEqual({
        code: 'UpstreamUnavailable',
        message: 'The Exness API could not be reached.',
      });
      const ho = await call(`${down.url}/api/hasoffers?Target=Affiliate&Method=findAll`);
      expect(ho.status).toBe(502);
      expect(ho.json).toEqual({
        code: 'UpstreamUnavailable',
        message: 'The HasOffers API could not be reached.',
      });
      for (const res of [ex, ho]) expectNoLeak(res.text, [...secrets, String(port)]);
      // The logs say what failed, not where.
      expectNoLeak(down.logs.join(''), [String(port), ...secrets.slice(0, 3)]);
    } finally {
      await down.close();
    }
  });

  it('an HTML 500 from HasOffers → 502 UpstreamInvalidResponse', async () => {
    await hasoffers.fault({ match: { hoMethod: 'findAll' }, fault: 'http500' });
    const res = await call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll`);
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ code: 'UpstreamInvalidResponse' });
    expectNoLeak(res.text, secrets);
  });
});
