// The BFF's logs (pino, captured) never hold a credential, the JWT or an upstream URL with the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../mock-api/credentials';
import {
  call,
  control,
  postForm,
  startBff,
  startTestEmulators,
  testConfig,
  type Emulators,
  type RunningBff,
} from './harness';

const GROUPS = '/api/v2/autorebates/groups/';

let emulators: Emulators;
let bff: RunningBff;

beforeAll(async () => {
  emulators = await startTestEmulators();
  bff = await startBff({ ...testConfig(emulators, { upstreamTimeoutMs: 300 }), logLevel: 'trace' });
});

afterAll(async () => {
  await bff?.close();
  await emulators?.close();
});

describe('logs', () => {
  it('hold no password, token, login or JWT, whatever happened', async () => {
    const exness = control(emulators.exnessUrl);
    const hasoffers = control(emulators.hasOffersUrl);
    await Promise.all([exness.reset(), hasoffers.reset()]);

    // Successes, re-login, upstream errors that repeat the token, timeouts, refusals, and a
    // browser that sends credentials of its own in headers and the query string.
    await call(`${bff.url}/api/exness${GROUPS}?limit=1`);
    await exness.fault({ match: { path: GROUPS }, fault: 'token-expired' });
    await call(`${bff.url}/api/exness${GROUPS}?limit=1`);
    await exness.fault({ match: { path: GROUPS }, fault: 'hang' });
    await call(`${bff.url}/api/exness${GROUPS}?limit=1`);
    await call(
      `${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll&NetworkToken=browser-tok-1`,
      {
        headers: { Authorization: 'JWT browser-jwt-2', Cookie: 'session=browser-cookie-3' },
      },
    );
    await hasoffers.fault({ match: { hoMethod: 'findList' }, fault: 'token-expired' });
    await call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findList`);
    await postForm(
      `${bff.url}/api/hasoffers`,
      'Target=CashflowGroup&Method=createCashflowGroup&name=Logged&rules_json=[]&affiliate_ids_json=[]',
    );
    await call(`${bff.url}/api/hasoffers?Target=Employee&Method=findAll`);
    await hasoffers.fault({ match: { hoMethod: 'findAll' }, fault: 'reset-connection', count: 2 });
    await call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll`);

    const jwts = (await exness.calls())
      .map((c) => c.headers.authorization?.replace(/^JWT /, ''))
      .filter((t): t is string => !!t);
    expect(jwts.length).toBeGreaterThan(0);

    const text = bff.logs.join('');
    // The capture works and saw these requests.
    expect(bff.logs.length).toBeGreaterThan(10);
    expect(text).toContain('/api/hasoffers');
    expect(text).toContain('UpstreamTimeout');
    for (const secret of [
      EMULATOR_CREDENTIALS.exnessLogin,
      EMULATOR_CREDENTIALS.exnessPassword,
      EMULATOR_CREDENTIALS.hasOffersNetworkToken,
      ...jwts,
      'browser-tok-1',
      'browser-jwt-2',
      'browser-cookie-3',
      emulators.exnessUrl,
      emulators.hasOffersUrl,
      'Apiv3',
    ]) {
      expect(text, `log leaked ${secret}`).not.toContain(secret);
    }
  });
});
