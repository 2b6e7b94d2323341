// Stand-in upstreams that misbehave in ways our emulators do not: echoing the Authorization
// header, sending answers far larger than any the dashboard asks for, compressed or not.
// Plus the production static files: no source maps unless SERVE_SOURCE_MAPS says so.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startBff, testConfig, type RunningBff } from './harness';

// A JWT as the real login returns one (RS256 header), made up here.
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJBdXRoZW50aWNhdGlvbiIsImF1ZCI6WyJwYXJ0bmVyc2hpcCJdfQ.c2lnbmF0dXJlLW5vdC1yZWFs';
const MB = 1024 * 1024;

let upstream: Server;
let upstreamUrl: string;
let bff: RunningBff;
let small: RunningBff;
let dist: string;
let withMaps: RunningBff;

/** A stand-in for both upstreams; the path decides how it misbehaves. */
function standIn(): Promise<void> {
  upstream = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api/v2/auth/') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token: JWT }));
      return;
    }
    if (url.pathname === '/api/v2/autorebates/groups/' && url.searchParams.has('big')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: [], note: 'x'.repeat(256 * 1024) }));
      return;
    }
    if (url.pathname === '/api/v2/autorebates/groups/') {
      // An error page that repeats the request's headers, as debugging proxies do.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          data: [],
          totals: { count: 0, clients: 0 },
          debug: { headers: { Authorization: req.headers.authorization } },
          note: `seen: Authorization: ${req.headers.authorization ?? ''}`,
        }),
      );
      return;
    }
    // HasOffers: the size and encoding come from the parameters (limit = MB).
    const mb = Number(url.searchParams.get('limit') ?? '1');
    const json = `{"response":{"status":1,"data":"${'x'.repeat(mb * MB)}"}}`;
    if (url.searchParams.get('page') === '2') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(json));
    } else if (url.searchParams.get('page') === '3') {
      // No Content-Length: chunked, so only counting the bytes can stop it.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < mb * MB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(json);
    }
  });
  return new Promise((resolve) =>
    upstream.listen(0, '127.0.0.1', () => {
      const address = upstream.address();
      if (address === null || typeof address === 'string') throw new Error('no address');
      upstreamUrl = `http://127.0.0.1:${address.port}`;
      resolve();
    }),
  );
}

beforeAll(async () => {
  await standIn();
  const config = testConfig({ exnessUrl: upstreamUrl, hasOffersUrl: upstreamUrl });
  bff = await startBff(config);
  small = await startBff({ ...config, upstreamMaxBytes: 64 * 1024 });
  dist = await mkdtemp(join(tmpdir(), 'bff-maps-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Dashboard</title>');
  await writeFile(
    join(dist, 'assets', 'app-1a2b.js'),
    'console.log(1)\n//# sourceMappingURL=app-1a2b.js.map',
  );
  await writeFile(
    join(dist, 'assets', 'app-1a2b.js.map'),
    '{"version":3,"sources":["src/secret.ts"]}',
  );
  withMaps = await startBff({ ...config, serveSourceMaps: true }, { staticRoot: dist });
});

afterAll(async () => {
  await Promise.all([bff?.close(), small?.close(), withMaps?.close()]);
  await new Promise((r) => upstream?.close(r));
  await rm(dist, { recursive: true, force: true });
});

describe('redaction covers every credential', () => {
  it('an upstream echo of the Authorization header (the Exness JWT) never reaches the browser', async () => {
    const res = await call(`${bff.url}/api/exness/api/v2/autorebates/groups/?limit=1`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(JWT);
    expect(res.text).not.toContain(JWT.split('.')[2]);
    expect(res.json).toMatchObject({
      debug: { headers: { Authorization: '[redacted]' } },
      note: 'seen: Authorization: [redacted]',
    });
    expect(bff.logs.join('')).not.toContain(JWT);
  });
});

describe('bounded upstream answers', () => {
  const find = (mb: number, page = 1) =>
    call(`${small.url}/api/hasoffers?Target=Affiliate&Method=findAll&limit=${mb}&page=${page}`);

  it.each([
    ['with a Content-Length', 1],
    ['gzip-compressed (counted after decoding)', 2],
    ['chunked, without a length', 3],
  ])('an answer over UPSTREAM_MAX_BYTES, %s: 502 with a clear JSON error', async (_how, page) => {
    const res = await find(1, page);
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ code: 'UpstreamTooLarge' });
    expect((res.json as { message: string }).message).toMatch(/larger than 0\.1 MB/);
  });

  it('the Exness list is bounded the same way', async () => {
    const res = await call(`${small.url}/api/exness/api/v2/autorebates/groups/?limit=1&big=1`);
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ code: 'UpstreamTooLarge' });
  });

  it('an answer under the bound passes (the default bound is 5 MB)', async () => {
    const res = await call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll&limit=1`);
    expect(res.status).toBe(200);
    expect(res.text.length).toBeGreaterThan(MB);
    const over = await call(`${bff.url}/api/hasoffers?Target=Affiliate&Method=findAll&limit=6`);
    expect(over.status).toBe(502);
  });
});

describe('source maps', () => {
  it('are not served unless SERVE_SOURCE_MAPS says so', async () => {
    const config = testConfig({ exnessUrl: upstreamUrl, hasOffersUrl: upstreamUrl });
    const prod = await startBff(config, { staticRoot: dist });
    try {
      expect((await call(`${prod.url}/assets/app-1a2b.js`)).status).toBe(200);
      const map = await call(`${prod.url}/assets/app-1a2b.js.map`);
      expect(map.status).toBe(404);
      expect(map.text).not.toContain('secret.ts');
      expect((await call(`${prod.url}/assets/APP-1A2B.JS.MAP`)).status).toBe(404);
    } finally {
      await prod.close();
    }
    const served = await call(`${withMaps.url}/assets/app-1a2b.js.map`);
    expect(served.status).toBe(200);
    expect(served.text).toContain('secret.ts');
  });
});
