// `npm run check:real-account` (scripts/check-real-account.ts) against the emulators (every shape
// recognised, exit 0) and a stand-in that answers unknown shapes (each reported, exit 1), never
// printing a secret and never making a write call.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../mock-api/credentials';
import { control, startTestEmulators, type Emulators } from '../../server/__tests__/harness';
import { runCheck } from '../check-real-account';

let emulators: Emulators;

beforeAll(async () => {
  emulators = await startTestEmulators();
});
afterAll(async () => {
  await emulators?.close();
});
beforeEach(async () => {
  await Promise.all([
    control(emulators.exnessUrl).reset(),
    control(emulators.hasOffersUrl).reset(),
  ]);
});

const SECRETS = [
  EMULATOR_CREDENTIALS.exnessLogin,
  EMULATOR_CREDENTIALS.exnessPassword,
  EMULATOR_CREDENTIALS.hasOffersNetworkToken,
];

function envFor(exnessUrl: string, hasOffersApiUrl: string): Record<string, string> {
  return {
    EXNESS_API_URL: exnessUrl,
    EXNESS_LOGIN: EMULATOR_CREDENTIALS.exnessLogin,
    EXNESS_PASSWORD: EMULATOR_CREDENTIALS.exnessPassword,
    HASOFFERS_API_URL: hasOffersApiUrl,
    HASOFFERS_NETWORK_TOKEN: EMULATOR_CREDENTIALS.hasOffersNetworkToken,
    UPSTREAM_TIMEOUT_MS: '3000',
  };
}

async function run(env: Record<string, string>): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCheck(env, (text) => {
    out += text;
  });
  return { code, out };
}

/** No secret, no JWT (three base64url parts starting with a JSON header). */
function expectNoSecret(out: string, extra: string[] = []): void {
  for (const s of [...SECRETS, ...extra]) expect(out).not.toContain(s);
  expect(out).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
}

describe('npm run check:real-account', () => {
  it('against the emulators: every call recognised, with its variant and time; exit 0; reads only', async () => {
    const { code, out } = await run(
      envFor(emulators.exnessUrl, `${emulators.hasOffersUrl}/Apiv3/json`),
    );
    expect(code).toBe(0);
    const lines = out.split('\n');
    for (const call of [
      'Exness POST /api/v2/auth/ (login)',
      'Exness GET /api/v2/autorebates/groups/?limit=1',
      'HasOffers CashflowGroup::findCashflowGroups (limit 1)',
      'HasOffers CashflowGroup::findCashflowGroupById (id 1)',
      'HasOffers Affiliate::findAll (limit 1)',
      'HasOffers OfferTargeting::findTargetRules (limit 1)',
      'HasOffers CashflowGroup::getCashflowRuleFieldDefinitions',
    ]) {
      const line = lines.find((l) => l.startsWith(call));
      expect(line, call).toMatch(/\s200\s+yes\s+.+\s\d+$/);
    }
    expect(out).toContain('decimals as strings');
    expect(out).toContain('records with {page, current, count, pageCount, …}');
    expect(out).toContain('flat {name, rules, affiliates}, rules with ids');
    expect(out).toContain('Every answer is in a shape the dashboard reads');
    expectNoSecret(out);

    // Only reads: one login, one GET list; HasOffers finds and the definitions, nothing else.
    const exCalls = await control(emulators.exnessUrl).calls();
    expect(exCalls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v2/auth/',
      'GET /api/v2/autorebates/groups/',
    ]);
    const hoCalls = await control(emulators.hasOffersUrl).calls();
    expect(hoCalls.map((c) => c.hoMethod)).toEqual([
      'findCashflowGroups',
      'findCashflowGroupById',
      'findAll',
      'findTargetRules',
      'getCashflowRuleFieldDefinitions',
    ]);
    expect(hoCalls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('names the wrong network id with what to do', async () => {
    await control(emulators.hasOffersUrl).fault({ fault: 'wrong-network-id', count: 10 });
    const { code, out } = await run(
      envFor(emulators.exnessUrl, `${emulators.hasOffersUrl}/Apiv3/json`),
    );
    expect(code).toBe(1);
    expect(out).toContain('wrong-network-id answer');
    expect(out).toContain('check HASOFFERS_NETWORK_ID');
    expectNoSecret(out);
  });

  describe('against a stand-in that answers shapes nobody knows', () => {
    let standIn: Server;
    let url = '';
    beforeAll(async () => {
      standIn = createServer((req, res) => {
        const u = new URL(req.url ?? '/', 'http://x');
        res.setHeader('Content-Type', 'application/json');
        if (u.pathname === '/api/v2/auth/') {
          res.end('{"weird": true}');
          return;
        }
        const method = u.searchParams.get('Method');
        const token = u.searchParams.get('NetworkToken') ?? '';
        if (method === 'findAll') {
          // A refusal that repeats the token, as the vendor's does: it must not be printed.
          res.end(
            JSON.stringify({
              response: {
                status: -1,
                data: '',
                errors: [{ publicMessage: `NetworkToken ${token} is not authenticated` }],
                errorMessage: `NetworkToken ${token} is not authenticated`,
              },
            }),
          );
          return;
        }
        res.end(JSON.stringify({ response: { status: 1, data: 'surprise', errors: [] } }));
      });
      await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
      const address = standIn.address();
      if (address === null || typeof address === 'string') throw new Error('no address');
      url = `http://127.0.0.1:${address.port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => standIn.close(resolve));
    });

    it('reports each unknown shape with what to do, exits 1, prints no secret', async () => {
      const { code, out } = await run(envFor(url, `${url}/Apiv3/json`));
      expect(code).toBe(1);
      const lines = out.split('\n');
      const row = (call: string) => lines.find((l) => l.startsWith(call)) ?? '';
      expect(row('Exness POST /api/v2/auth/ (login)')).toMatch(/\s200\s+NO\s/);
      expect(row('Exness GET /api/v2/autorebates/groups/')).toMatch(/NO\s+skipped/);
      expect(row('HasOffers CashflowGroup::findCashflowGroups')).toMatch(
        /NO\s+status 1, unknown data/,
      );
      expect(row('HasOffers Affiliate::findAll')).toMatch(
        /NO\s+status -1: NetworkToken \[redacted\]/,
      );
      expect(row('HasOffers OfferTargeting::findTargetRules')).toMatch(/NO/);
      expect(row('HasOffers CashflowGroup::getCashflowRuleFieldDefinitions')).toMatch(/NO/);
      expect(out).toContain('need attention');
      expect(out).toContain('check HASOFFERS_NETWORK_TOKEN');
      expect(out).toContain('the reader is src/lib/hasoffers.ts');
      expectNoSecret(out);
    });
  });

  it('refuses to run without both real accounts configured', async () => {
    const { code, out } = await run({ EXNESS_LOGIN: 'a@b.example' });
    expect(code).toBe(2);
    expect(out).toContain('EXNESS_PASSWORD is missing');
    expect(out).not.toContain('a@b.example');
  });
});
