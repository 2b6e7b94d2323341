// Production: serves the built SPA from dist/, with index.html for client-side routes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LiveSessionLookup } from './auth/routes';

/** Must match EMBEDDED_SESSION_ID in src/features/auth/preload.ts, which reads it. */
export const EMBEDDED_SESSION_ID = 'session-status';

/** A client-side route (`/cashflow-groups/new`), not a missing file (`/assets/x.js`). */
function looksLikeRoute(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  const last = path.split('/').pop() ?? '';
  return !last.includes('.');
}

/** A source map (`x.js.map`, also when asked for with a query). */
function isSourceMap(pathName: string): boolean {
  return /\.map$/i.test(pathName.split('?')[0] ?? '');
}

export function registerStaticFiles(
  app: FastifyInstance,
  root: string,
  options: { serveSourceMaps?: boolean } = {},
): void {
  app.register(fastifyStatic, {
    root,
    // The build writes source maps (for the bundle report and for debugging a production
    // build on purpose); served, they would hand our whole source to anyone. Only when asked.
    ...(!options.serveSourceMaps && {
      allowedPath: (pathName: string) => !isSourceMap(pathName),
    }),
    // Our not-found handler decides between index.html and a 404.
    wildcard: true,
    // Our own Cache-Control below, instead of the plugin's `public, max-age=0`.
    cacheControl: false,
    // The build writes .br and .gz beside each text file (scripts/precompress.ts): the browser
    // gets the smallest its Accept-Encoding allows, with no compression work per request.
    preCompressed: true,
    setHeaders(res, filePath) {
      // The same URL answers in brotli, gzip or plain: a shared cache must key on the encoding.
      res.setHeader('Vary', 'Accept-Encoding');
      // Vite puts content hashes in asset names: they never change. index.html must be fresh.
      res.setHeader(
        'Cache-Control',
        filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}

/**
 * The page with the session's status written in, as a JSON data block (not a script: nothing
 * runs, and the page's CSP stays as it is). `<` is escaped so no value can close the element.
 */
export function embedSession(html: string, status: object): string | undefined {
  const at = html.indexOf('</head>');
  if (at === -1) return undefined;
  const json = JSON.stringify(status).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${EMBEDDED_SESSION_ID}">${json}</script>`;
  return html.slice(0, at) + block + html.slice(at);
}

/**
 * Sends index.html for a GET of a client-side route; false when this is not one. A signed-in
 * browser's copy says who is signed in, so the app's first page need not wait for a round trip
 * to /api/session before it shows. (A boolean, not the reply: a reply is a thenable, and an
 * async function returning it would resolve once it is sent, to undefined.)
 */
export async function sendSpaFallback(
  request: FastifyRequest,
  reply: FastifyReply,
  root: string,
  liveSession: LiveSessionLookup,
): Promise<boolean> {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !looksLikeRoute(request.url)) {
    return false;
  }
  // The same address answers differently per session: caches must tell the copies apart.
  reply.header('Cache-Control', 'no-cache').header('Vary', 'Cookie');
  // Without the database the plain page is served: its /api/session call then answers 503.
  const status =
    request.method === 'GET' ? await liveSession(request).catch(() => undefined) : undefined;
  if (status) {
    // Read per request: a rebuilt dist/ must not be answered with the old page's asset names.
    const page = embedSession(await readFile(join(root, 'index.html'), 'utf8'), status);
    if (page !== undefined) {
      // Personal: no shared cache may keep it.
      reply.header('Cache-Control', 'private, no-cache');
      void reply.type('text/html; charset=utf-8').send(page);
      return true;
    }
  }
  void reply.sendFile('index.html');
  return true;
}
