// What-if only (BENCH_COMPRESS=1): serves the build's JS and CSS brotli/gzip-compressed from
// memory, as a compressing reverse proxy or @fastify/static's `preCompressed` with .br/.gz files
// from the build would. The BFF itself does not compress today; the main report measures it as
// it is, and this shows what compression would change.
import type { FastifyInstance } from 'fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

interface Entry {
  type: string;
  br: Buffer;
  gzip: Buffer;
}

export function registerPrecompressed(app: FastifyInstance, root: string): void {
  const files = new Map<string, Entry>();
  for (const name of readdirSync(join(root, 'assets'))) {
    const type = name.endsWith('.js')
      ? 'text/javascript; charset=utf-8'
      : name.endsWith('.css')
        ? 'text/css; charset=utf-8'
        : undefined;
    if (!type) continue;
    const raw = readFileSync(join(root, 'assets', name));
    files.set(`/assets/${name}`, {
      type,
      br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(raw, { level: 9 }),
    });
  }
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || reply.sent) return undefined;
    const entry = files.get(request.url.split('?')[0] ?? '');
    if (!entry) return undefined;
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    if (!encoding) return undefined;
    return reply
      .header('Content-Type', entry.type)
      .header('Content-Encoding', encoding)
      .header('Vary', 'Accept-Encoding')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(encoding === 'br' ? entry.br : entry.gzip);
  });
}
