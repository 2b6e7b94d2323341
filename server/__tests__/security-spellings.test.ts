// The attacks that once got through, as tables: every spelling of an /api path, sent anonymously
// over a raw socket (so no client normalises it first), and every way of smuggling a parameter
// name past the HasOffers allowlist. Each asserts the answer and that no upstream saw a call.
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  control,
  startBff,
  startTestEmulators,
  testConfig,
  testUser,
  type Emulators,
  type LoggedCall,
  type RunningBff,
} from './harness';

let emulators: Emulators;
/** Sign-in required: no automatic session. */
let gated: RunningBff;
/** Signed in automatically (as `npm run dev`): the smuggling table is about a signed-in user. */
let open: RunningBff;

const RULES = JSON.stringify([{ field: 'country', operator: 'IN', value: ['DE'], negate: 0 }]);
const CREATE = `Target=CashflowGroup&Method=createCashflowGroup&name=x&description=&rules_json=${encodeURIComponent(RULES)}&affiliate_ids_json=%5B%5D`;

/** Every /api route that reaches an upstream, with the method and body a browser would send. */
const ROUTES: {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  query: string;
  body?: string;
}[] = [
  {
    name: 'Exness list',
    method: 'GET',
    path: '/api/exness/api/v2/autorebates/groups/',
    query: 'limit=1',
  },
  {
    name: 'Exness list (POST)',
    method: 'POST',
    path: '/api/exness/api/v2/autorebates/groups/',
    query: '',
    body: '{"limit":1}',
  },
  {
    name: 'HasOffers read',
    method: 'GET',
    path: '/api/hasoffers',
    query: 'Target=Affiliate&Method=findAll&limit=1',
  },
  { name: 'HasOffers create', method: 'POST', path: '/api/hasoffers', query: '', body: CREATE },
  {
    name: 'HasOffers update',
    method: 'POST',
    path: '/api/hasoffers',
    query: '',
    body: CREATE.replace('createCashflowGroup', 'updateCashflowGroup') + '&id=1',
  },
];

/** One request exactly as written (request line included), over a plain socket. */
function rawRequest(
  base: string,
  requestTarget: string,
  method: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text });
    });
    const lines = [
      `${method} ${requestTarget} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      'Connection: close',
      'X-Requested-With: dashboard',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    if (body !== undefined) {
      const type = body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
      lines.push(`Content-Type: ${type}`, `Content-Length: ${Buffer.byteLength(body)}`);
    }
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`);
  });
}

/** Each way of spelling `path` that routers or servers have been seen to read as `path`. */
function spellings(path: string, origin: string): { how: string; target: string }[] {
  const segments = path.split('/').slice(1);
  const out: { how: string; target: string }[] = [];
  segments.forEach((segment, i) => {
    if (segment === '') return;
    const hex = segment.charCodeAt(0).toString(16);
    for (const code of new Set([hex.toLowerCase(), hex.toUpperCase()])) {
      const spelled = [...segments];
      spelled[i] = `%${code}${segment.slice(1)}`;
      out.push({ how: `%${code} in segment ${i + 1}`, target: `/${spelled.join('/')}` });
    }
  });
  const [first = '', ...rest] = segments;
  return [
    ...out,
    { how: 'encoded slash', target: `/${first}%2F${rest.join('/')}` },
    { how: 'encoded slash (lower case)', target: `/${first}%2f${rest.join('/')}` },
    { how: 'leading double slash', target: `/${path}` },
    { how: 'inner double slash', target: `/${first}//${rest.join('/')}` },
    { how: 'dot segment', target: `/./${first}/${rest.join('/')}` },
    { how: 'dot-dot segment', target: `/x/../${first}/${rest.join('/')}` },
    { how: 'inner dot-dot', target: `/${first}/x/../${rest.join('/')}` },
    { how: 'encoded dot segment', target: `/%2e/${first}/${rest.join('/')}` },
    { how: 'encoded dot-dot', target: `/x/%2e%2e/${first}/${rest.join('/')}` },
    { how: 'backslash', target: `/${first}\\${rest.join('/')}` },
    { how: 'encoded backslash', target: `/${first}%5C${rest.join('/')}` },
    {
      how: 'double-encoded letter',
      target: `/%25${first.charCodeAt(0).toString(16)}${first.slice(1)}/${rest.join('/')}`,
    },
    { how: 'absolute form', target: `${origin}${path}` },
    { how: 'absolute form, other host', target: `http://evil.example${path}` },
    { how: 'asterisk form', target: '*' },
  ];
}

/** Stands for the BFF's own origin in test names (known only once it listens). */
const ORIGIN = 'http://bff.test:1';

const upstreamCalls = async (): Promise<LoggedCall[]> => [
  ...(await control(emulators.exnessUrl).calls()),
  ...(await control(emulators.hasOffersUrl).calls()),
];

beforeAll(async () => {
  emulators = await startTestEmulators();
  const alice = await testUser('alice', 'correct horse battery staple');
  gated = await startBff(
    testConfig(emulators, { auth: { users: [alice], devAutoSignIn: undefined } }),
  );
  open = await startBff(testConfig(emulators));
});

afterAll(async () => {
  await Promise.all([gated?.close(), open?.close()]);
  await emulators?.close();
});

beforeEach(async () => {
  await Promise.all([
    control(emulators.exnessUrl).reset(),
    control(emulators.hasOffersUrl).reset(),
  ]);
});

describe('one gate, on the route matched: every spelling of every /api route, anonymous', () => {
  for (const route of ROUTES) {
    it(`${route.name}: the canonical spelling answers 401 and sends nothing upstream`, async () => {
      const q = route.query ? `?${route.query}` : '';
      const res = await rawRequest(gated.url, `${route.path}${q}`, route.method, route.body);
      expect(res.status).toBe(401);
      expect(res.text).toMatch(/cache-control: no-store/i);
      expect(await upstreamCalls()).toEqual([]);
    });

    it(`${route.name}: a trailing slash is the same route, and as closed`, async () => {
      const path = route.path.endsWith('/') ? route.path.slice(0, -1) : `${route.path}/`;
      const q = route.query ? `?${route.query}` : '';
      const res = await rawRequest(gated.url, `${path}${q}`, route.method, route.body);
      // Either the same route (401) or no route at all (401 for any /api address, or 404).
      expect([401, 404]).toContain(res.status);
      expect(await upstreamCalls()).toEqual([]);
    });

    for (const { how, target: spelled } of spellings(route.path, ORIGIN)) {
      it(`${route.name}, ${how} (${spelled}): 400 before routing, nothing upstream`, async () => {
        const q = route.query ? `?${route.query}` : '';
        const target = spelled.replace(ORIGIN, gated.url);
        const res = await rawRequest(gated.url, `${target}${q}`, route.method, route.body);
        expect(res.status).toBe(400);
        expect(res.text).toMatch(/cache-control: no-store/i);
        expect(await upstreamCalls()).toEqual([]);
      });
    }
  }

  it('the same spellings are refused when signed in too: no route is reached by a second name', async () => {
    for (const { target: spelled } of spellings('/api/hasoffers', ORIGIN)) {
      const target = spelled.replace(ORIGIN, open.url);
      const res = await rawRequest(open.url, `${target}?Target=Affiliate&Method=findAll`, 'GET');
      expect(res.status, target).toBe(400);
    }
    expect(await upstreamCalls()).toEqual([]);
  });

  it('an unknown /api address answers 401 without a session (never the SPA, never a handler)', async () => {
    for (const path of ['/api', '/api/', '/api/nope', '/api/exness', '/api/hasoffers/x']) {
      const res = await rawRequest(gated.url, path, 'GET');
      expect(res.status, path).toBe(401);
      expect(res.text, path).toMatch(/cache-control: no-store/i);
    }
  });

  it('health and session status stay open, each with no-store', async () => {
    for (const path of ['/api/health', '/api/session']) {
      const res = await rawRequest(gated.url, path, 'GET');
      expect(res.status, path).toBe(200);
      expect(res.text, path).toMatch(/cache-control: no-store/i);
    }
  });

  it('the CSRF header and fetch-metadata checks run on every /api route, also for sign-in', async () => {
    const noHeader = await fetch(`${gated.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'alice', password: 'x' }),
    });
    expect(noHeader.status).toBe(403);
    const crossSite = await rawRequest(gated.url, '/api/health', 'GET', undefined, {
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
  });
});

/** A parameter name with a control character, in each place a browser can put it. */
const CONTROL_CHARS = ['\0', '\x01', '\t', '\n', '\r', '\x1f', '\x7f', '\x85'];

describe('the HasOffers call is rebuilt, not forwarded: smuggled names are refused', () => {
  const base = 'Target=Affiliate&Method=findAll&limit=1';
  const cases: { how: string; query: string; body?: string }[] = [];
  for (const c of CONTROL_CHARS) {
    const code = `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`;
    const label = JSON.stringify(c);
    cases.push(
      { how: `Method${label}= in the query`, query: `${base}&Method${code}=signup` },
      { how: `Target${label}= in the query`, query: `${base}&Target${code}=Employee` },
      { how: `a NetworkToken${label} in the query`, query: `${base}&NetworkToken${code}=x` },
      { how: `limit${label} in the query`, query: `${base.replace('limit=1', '')}limit${code}=1` },
      { how: `Method${label}= in a POST body`, query: '', body: `${base}&Method${code}=signup` },
      {
        how: `Target${label}= in a create's body`,
        query: '',
        body: `${CREATE}&Target${code}=Affiliate`,
      },
    );
  }
  cases.push(
    { how: 'Method twice', query: `${base}&Method=signup` },
    { how: 'Method[] beside Method', query: `${base}&Method[]=signup` },
    { how: 'method in lower case', query: `${base}&method=signup` },
    { how: 'a leading space', query: `${base}&%20Method=signup` },
    {
      how: 'Target in query and body',
      query: 'Target=Affiliate',
      body: 'Method=findAll&Target=Employee',
    },
    { how: 'a NetworkToken', query: `${base}&NetworkToken=mine` },
    { how: 'a NetworkId', query: `${base}&NetworkId=other` },
    { how: 'a name not on the list', query: `${base}&filters[status]=active` },
    { how: 'a bracket shape not on the list', query: `${base}&fields=id` },
    { how: 'a scalar sent twice', query: `${base}&limit=2` },
    { how: 'an unlisted name in a create', query: '', body: `${CREATE}&status=deleted` },
    {
      how: 'the update id twice',
      query: '',
      body: `${CREATE.replace('createCashflowGroup', 'updateCashflowGroup')}&id=1&id=2`,
    },
  );

  for (const { how, query, body } of cases) {
    it(`${how}: 400 naming it, nothing upstream`, async () => {
      const url = `${open.url}/api/hasoffers${query ? `?${query}` : ''}`;
      const res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'X-Requested-With': 'dashboard',
          ...(body !== undefined && { 'Content-Type': 'application/x-www-form-urlencoded' }),
        },
        ...(body !== undefined && { body }),
      });
      const json = (await res.json()) as { code: string; message: string };
      expect(res.status).toBe(400);
      expect(json.code).toBe('BadRequest');
      expect(json.message).toMatch(/parameter|Target|Method/);
      expect(await upstreamCalls()).toEqual([]);
    });
  }

  it('a write sent as GET is refused (405) on the rebuilt call, nothing upstream', async () => {
    const res = await fetch(`${open.url}/api/hasoffers?${CREATE}`, {
      headers: { 'X-Requested-With': 'dashboard' },
    });
    expect(res.status).toBe(405);
    expect(await upstreamCalls()).toEqual([]);
  });

  it('what the emulator (reading as PHP does) receives is exactly the listed parameters', async () => {
    const res = await fetch(
      `${open.url}/api/hasoffers?Target=Affiliate&Method=findAll&limit=1&fields[]=id&fields[]=company`,
      { headers: { 'X-Requested-With': 'dashboard' } },
    );
    expect(res.status).toBe(200);
    const [call] = await control(emulators.hasOffersUrl).calls();
    expect(call?.target).toBe('Affiliate');
    expect(call?.hoMethod).toBe('findAll');
    expect(Object.keys(call?.query ?? {}).sort()).toEqual(
      ['Method', 'NetworkToken', 'Target', 'fields[]', 'limit'].sort(),
    );
  });
});
