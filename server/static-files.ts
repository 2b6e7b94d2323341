// Production: serves the built SPA from dist/, with index.html for client-side routes.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A client-side route (`/cashflow-groups/new`), not a missing file (`/assets/x.js`). */
function looksLikeRoute(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  const last = path.split('/').pop() ?? '';
  return !last.includes('.');
}

export function registerStaticFiles(app: FastifyInstance, root: string): void {
  app.register(fastifyStatic, {
    root,
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

/** index.html for a GET of a client-side route; undefined when this is not one. */
export function sendSpaFallback(
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply | undefined {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !looksLikeRoute(request.url)) {
    return undefined;
  }
  reply.header('Cache-Control', 'no-cache');
  return reply.sendFile('index.html');
}
