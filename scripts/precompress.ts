// Build step: a brotli and a gzip copy beside every text asset, so the BFF (@fastify/static
// `preCompressed`) sends compressed bytes without compressing on each request. Compressing once
// at the highest levels costs about a second of build; compressing per request would cost CPU on
// every load and still send bigger files.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What is worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this a compressed answer saves less than its own overhead. */
export const MIN_BYTES = 1024;
/** The highest levels: compressed once per build, sent on every load. */
export const GZIP_LEVEL = 9;
export const BROTLI_QUALITY = 11;

/** The brotli and gzip copies of one file: what the BFF sends, and what the bench weighs. */
export function compress(raw: Buffer): { br: Buffer; gzip: Buffer } {
  return {
    br: brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzip: gzipSync(raw, { level: GZIP_LEVEL }),
  };
}

export interface Precompressed {
  file: string;
  raw: number;
  br: number;
  gzip: number;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Writes `<file>.br` and `<file>.gz` for every compressible file of `dir` at least MIN_BYTES. */
export function precompressDir(dir: string): Precompressed[] {
  const written: Precompressed[] = [];
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const raw = readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const { br, gzip } = compress(raw);
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzip);
    written.push({ file, raw: raw.length, br: br.length, gzip: gzip.length });
  }
  return written;
}

/** Vite plugin: precompresses the build's output once it is written. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'partner-dashboard:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After the files are written, and only then: closeBundle also runs after a failed build,
    // where a missing folder's error would hide the build's own.
    writeBundle() {
      precompressDir(outDir);
    },
  };
}
