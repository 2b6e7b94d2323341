// The page a signed-in browser gets says who is signed in (a JSON data block the app reads at
// start, src/features/auth/preload.ts), so the first page does not wait for /api/session.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { embedSession, EMBEDDED_SESSION_ID } from '../static-files';
import { signIn, startBff, testConfig, testUser, type RunningBff } from './harness';

const nowhere = { exnessUrl: 'http://127.0.0.1:9', hasOffersUrl: 'http://127.0.0.1:9' };
const PAGE = '<!doctype html><html><head><title>Dashboard</title></head><body></body></html>';
const BLOCK = new RegExp(
  `<script type="application/json" id="${EMBEDDED_SESSION_ID}">(.*?)</script>`,
);

let bff: RunningBff;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'bff-embed-'));
  await writeFile(join(dist, 'index.html'), PAGE);
  const config = testConfig(nowhere, {
    auth: { users: [await testUser('alice', 'correct horse')] },
  });
  bff = await startBff(config, { staticRoot: dist });
});

afterAll(async () => {
  await bff?.close();
  await rm(dist, { recursive: true, force: true });
});

// Every answer was sent once and cleanly: no warning or error in the BFF's log.
afterEach(() => {
  const problems = bff.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 40);
  bff.logs.length = 0;
  expect(problems).toEqual([]);
});

const page = (path: string, cookie?: string) =>
  fetch(`${bff.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

describe('the page embeds the session’s status', () => {
  it('for a signed-in browser: who, in the head, never to be kept by a shared cache', async () => {
    const cookie = await signIn(bff.url, 'alice', 'correct horse');
    const res = await page('/rebate-groups?limit=50', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toMatch(/cookie/i);
    const html = await res.text();
    const block = BLOCK.exec(html);
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual({
      user: { name: 'alice' },
      autoSignIn: false,
    });
    expect(html.indexOf(block?.[0] ?? '?')).toBeLessThan(html.indexOf('</head>'));
  });

  it('not without a live session: a signed-out, unknown or ended session gets the plain page', async () => {
    const cookie = await signIn(bff.url, 'alice', 'correct horse');
    await fetch(`${bff.url}/api/session`, {
      method: 'DELETE',
      headers: { Cookie: cookie, 'X-Requested-With': 'dashboard', Origin: bff.url },
    });
    for (const c of [undefined, 'dashboard-session=not-a-session', cookie]) {
      const res = await page('/cashflow-groups/new', c);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('vary')).toMatch(/cookie/i);
      expect(await res.text()).toBe(PAGE);
    }
  });

  it('not in a HEAD answer, and never for /api or a missing asset', async () => {
    const cookie = await signIn(bff.url, 'alice', 'correct horse');
    const head = await fetch(`${bff.url}/rebate-groups`, {
      method: 'HEAD',
      headers: { Cookie: cookie },
    });
    expect(head.status).toBe(200);
    // The plain page's length: nothing was written in for a HEAD.
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(PAGE)));
    expect((await page('/api/nope', cookie)).status).toBe(404);
    expect((await page('/assets/gone-1.js', cookie)).status).toBe(404);
  });
});

describe('embedSession', () => {
  it('escapes what could end the element, and leaves a page without a head alone', () => {
    const html = embedSession(PAGE, { user: { name: '</script><script>alert(1)</script>' } });
    expect(html).not.toContain('</script><script>');
    const block = BLOCK.exec(html ?? '');
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual({
      user: { name: '</script><script>alert(1)</script>' },
    });
    expect(embedSession('<p>no head</p>', { user: null })).toBeUndefined();
  });
});
