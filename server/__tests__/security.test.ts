// Security basics, health, 404s and the production static files, over real HTTP.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDir } from '../../scripts/precompress';
import { CONTENT_SECURITY_POLICY } from '../security';
import { call, rawCall, startBff, testConfig, type RunningBff } from './harness';

// Nothing listens there: a request that got past the checks would come back 502, not 403.
const nowhere = { exnessUrl: 'http://127.0.0.1:9', hasOffersUrl: 'http://127.0.0.1:9' };
const GROUPS = '/api/exness/api/v2/autorebates/groups/';

let bff: RunningBff;
let dist: string;
const BIG_JS = Array.from({ length: 400 }, (_, i) => `export const v${i} = ${i};`).join('\n');

const rawGet = (url: string, headers: Record<string, string>) => rawCall(url, { headers });

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'bff-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Dashboard</title>');
  await writeFile(join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
  await writeFile(join(dist, 'assets', 'big-3c4d.js'), BIG_JS);
  // What `vite build` does through its precompress plugin.
  precompressDir(dist);
  const config = {
    ...testConfig(nowhere),
    allowedOrigins: ['http://localhost:5173'],
    allowedHosts: ['dashboard.example.com'],
  };
  bff = await startBff(config, { staticRoot: dist });
});

afterAll(async () => {
  await bff?.close();
  await rm(dist, { recursive: true, force: true });
});

describe('health', () => {
  it('reports each upstream’s mode and nothing else', async () => {
    const res = await call(`${bff.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ok',
      upstreams: { exness: { mode: 'emulated' }, hasoffers: { mode: 'emulated' } },
    });
  });
});

describe('security headers', () => {
  it('/api answers are not cached, not sniffed, and send no referrer elsewhere', async () => {
    for (const res of [
      await call(`${bff.url}/api/health`),
      await call(`${bff.url}/api/nope`),
      await call(`${bff.url}${GROUPS}`, { method: 'DELETE' }),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });
});

describe('content security policy and other page headers', () => {
  it('every answer, the page included, carries the strict CSP and friends', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    for (const path of [
      '/',
      '/cashflow-groups/new',
      '/assets/app-1a2b.js',
      '/api/health',
      '/api/nope',
    ]) {
      const res = await fetch(`${bff.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      // HSTS only outside loopback (see auth.test.ts for a real host name).
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});

describe('cross-site protection', () => {
  it('refuses Sec-Fetch-Site: cross-site on every /api call, reads included', async () => {
    for (const init of [
      { method: 'GET' },
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    ]) {
      const res = await call(`${bff.url}${GROUPS}`, {
        ...init,
        headers: { ...init.headers, 'Sec-Fetch-Site': 'cross-site' },
      });
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ code: 'Forbidden' });
    }
    // A sibling subdomain (same-site) only with an origin listed in ALLOWED_ORIGINS.
    const sibling = await call(`${bff.url}/api/health`, {
      headers: { 'Sec-Fetch-Site': 'same-site' },
    });
    expect(sibling.status).toBe(403);
    const listed = await call(`${bff.url}/api/health`, {
      headers: { 'Sec-Fetch-Site': 'same-site', Origin: 'http://localhost:5173' },
    });
    expect(listed.status).toBe(200);
    const own = await call(`${bff.url}/api/health`, {
      headers: { 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(own.status).toBe(200);
    // A cross-site navigation to a page is fine (links into the dashboard work).
    const page = await fetch(`${bff.url}/`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(page.status).toBe(200);
  });

  it('never answers with CORS headers: a preflight is refused, nothing is allowed', async () => {
    const preflight = await fetch(`${bff.url}/api/hasoffers`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-requested-with',
      },
    });
    expect(preflight.status).toBe(403);
    const answers = [
      preflight,
      await fetch(`${bff.url}/api/health`, { headers: { Origin: 'http://localhost:5173' } }),
      await fetch(`${bff.url}/api/health`, { headers: { Origin: 'https://evil.example' } }),
      await fetch(`${bff.url}/`, { headers: { Origin: 'https://evil.example' } }),
    ];
    for (const res of answers) {
      const cors = [...res.headers.keys()].filter((h) => h.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
  });

  it('refuses a write without X-Requested-With: dashboard', async () => {
    const res = await fetch(`${bff.url}${GROUPS}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'Forbidden' });
    const form = await fetch(`${bff.url}/api/hasoffers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'x' },
      body: 'Target=Affiliate&Method=findAll',
    });
    expect(form.status).toBe(403);
  });

  it('lets a GET through without the header', async () => {
    const res = await fetch(`${bff.url}/api/health`);
    expect(res.status).toBe(200);
  });

  it('refuses a foreign Origin, even on GET; accepts its own and listed ones', async () => {
    const foreign = await call(`${bff.url}/api/health`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toMatchObject({ code: 'Forbidden' });
    expect((await call(`${bff.url}/api/health`, { headers: { Origin: 'null' } })).status).toBe(403);
    const own = await call(`${bff.url}/api/health`, { headers: { Origin: bff.url } });
    expect(own.status).toBe(200);
    const listed = await call(`${bff.url}/api/health`, {
      headers: { Origin: 'http://localhost:5173' },
    });
    expect(listed.status).toBe(200);
  });

  it('refuses bodies over 1 MB with 413 JSON', async () => {
    const res = await call(`${bff.url}${GROUPS}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'PayloadTooLarge' });
  });
});

/** fetch() will not send a Host of our choosing; node:http will. */
async function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  const res = await rawCall(url, { headers: { Host: host } });
  return { status: res.status, body: res.body.toString() };
}

describe('host names (DNS rebinding)', () => {
  it('serves loopback names and ALLOWED_HOSTS, refuses any other Host', async () => {
    for (const host of ['127.0.0.1:5173', 'localhost', '[::1]:8787', 'Dashboard.Example.com']) {
      expect((await getWithHost(`${bff.url}/api/nope`, host)).status, host).toBe(404);
    }
    for (const host of ['evil.example', 'evil.example:8787', '127.0.0.1.evil.example']) {
      const res = await getWithHost(`${bff.url}/api/nope`, host);
      expect(res.status, host).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ code: 'Forbidden' });
      expect((await getWithHost(`${bff.url}/`, host)).status).toBe(403);
    }
  });

  it('keeps /api/health open to any Host (probes call by IP)', async () => {
    expect((await getWithHost(`${bff.url}/api/health`, '10.1.2.3:8787')).status).toBe(200);
  });
});

describe('not found and static files', () => {
  it('unknown /api paths are 404 JSON, never the SPA', async () => {
    for (const path of ['/api', '/api/nope', '/api/exness', '/api/health/extra']) {
      const res = await call(`${bff.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ code: 'NotFound', message: 'There is nothing at this address.' });
    }
  });

  it('serves dist/, with index.html for client-side routes', async () => {
    const root = await fetch(`${bff.url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<title>Dashboard</title>');
    expect(root.headers.get('cache-control')).toBe('no-cache');
    const route = await fetch(`${bff.url}/cashflow-groups/new?step=2`);
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/^text\/html/);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(await route.text()).toContain('<title>Dashboard</title>');
    const asset = await fetch(`${bff.url}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await fetch(`${bff.url}/assets/gone-9z.js`);
    expect(missing.status).toBe(404);
    // Each answer sent once: Fastify warns when a handler sends a second time.
    expect(bff.logs.filter((line) => line.includes('already sent'))).toEqual([]);
  });

  it('sends the precompressed copy the browser accepts, brotli first, with Vary', async () => {
    const url = `${bff.url}/assets/big-3c4d.js`;
    const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_JS);
    expect(br.body.length).toBeLessThan(BIG_JS.length / 3);

    const gz = await rawGet(url, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(BIG_JS);

    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_JS);
  });

  it('small files stay as they are: no compressed copy is written below 1 KB', async () => {
    const small = await rawGet(`${bff.url}/assets/app-1a2b.js`, { 'Accept-Encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('console.log(1)');
  });
});
