// Bytes: builds the production bundle, then from Vite's manifest the JavaScript and CSS a route
// needs before it can render (entry + the route's lazy chunk, with their static imports), sized
// raw, gzip and brotli (node:zlib), and the heaviest modules after minification (source maps).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './lib/stack';
import { charsPerSource, moduleName, packageName, type RawSourceMap } from './lib/sourcemap';
import { BROTLI_QUALITY, GZIP_LEVEL, compress, precompressDir } from '../scripts/precompress';

const run = promisify(execFile);

export async function buildProduction(outDir: string): Promise<{ seconds: number }> {
  const started = performance.now();
  await run(
    join(ROOT, 'node_modules/.bin/vite'),
    [
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--manifest',
      '--sourcemap',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  return { seconds: (performance.now() - started) / 1000 };
}

/**
 * Builds bench/stack-floor (a list page made of the chosen libraries alone, with Vite's defaults:
 * that folder has no config, so the app's is not used), precompressed as the app's build is so
 * the BFF can serve it the same way, and sizes its JavaScript the way the app's is sized.
 */
export async function measureStackFloor(outDir: string): Promise<StackFloor> {
  const started = performance.now();
  await run(
    join(ROOT, 'node_modules/.bin/vite'),
    [
      'build',
      join(ROOT, 'bench/stack-floor'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  precompressDir(outDir);
  const assets = join(outDir, 'assets');
  const js = sum(
    readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => sizesOf(readFileSync(join(assets, f)))),
  );
  return { js, buildSeconds: (performance.now() - started) / 1000 };
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FileBytes extends Sizes {
  file: string;
  kind: 'js' | 'css';
}

export interface RouteBytes {
  files: FileBytes[];
  js: Sizes;
  css: Sizes;
}

export interface ModuleBytes {
  module: string;
  /** Characters of minified output attributed to the module (≈ bytes: the output is ASCII). */
  minified: number;
  /** The module's share of its chunk's gzip size (minified share × chunk gzip). */
  gzipShare: number;
}

export interface BytesReport {
  buildSeconds: number;
  gzipLevel: number;
  brotliQuality: number;
  /** /rebate-groups opened directly: entry + route chunk, with their static imports. */
  rebateGroups: RouteBytes;
  /** /cashflow-groups/new opened directly. */
  wizardDirect: RouteBytes;
  /** What opening the wizard adds after the rebate groups page (its code, loaded on open). */
  wizardOnOpen: RouteBytes;
  /** Chunks of the wizard's route that the rebate groups page also loads (should be shared only). */
  wizardChunkInRebateGroups: boolean;
  topModules: { rebateGroups: ModuleBytes[]; wizardOnOpen: ModuleBytes[] };
  topPackages: { rebateGroups: ModuleBytes[]; wizardOnOpen: ModuleBytes[] };
  allJs: Sizes;
  /** The chosen stack's own minimum for a list page (bench/stack-floor), set by the bytes phase. */
  stackFloor?: StackFloor;
}

export interface StackFloor {
  /** JavaScript of the floor page's build: every chunk, as it has no lazy parts. */
  js: Sizes;
  buildSeconds: number;
}

// The build's own compression (scripts/precompress.ts): the sizes are what the BFF sends.
function sizesOf(buf: Buffer): Sizes {
  const { br, gzip } = compress(buf);
  return { raw: buf.length, gzip: gzip.length, brotli: br.length };
}

function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, into);
  return into;
}

function routeKey(manifest: Manifest, page: string): string {
  const key = Object.keys(manifest).find((k) => k.endsWith(`pages/${page}.tsx`));
  if (!key) throw new Error(`no chunk for the ${page} route in the manifest`);
  return key;
}

function entryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!key) throw new Error('no entry chunk in the manifest');
  return key;
}

function filesOf(manifest: Manifest, keys: Iterable<string>): Set<string> {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) continue;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return files;
}

function sum(list: Sizes[]): Sizes {
  return list.reduce(
    (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

export function analyzeBuild(outDir: string, buildSeconds: number): BytesReport {
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const cache = new Map<string, FileBytes>();
  const fileBytes = (file: string): FileBytes => {
    let fb = cache.get(file);
    if (!fb) {
      fb = {
        file,
        kind: file.endsWith('.css') ? 'css' : 'js',
        ...sizesOf(readFileSync(join(outDir, file))),
      };
      cache.set(file, fb);
    }
    return fb;
  };
  const route = (files: Set<string>): RouteBytes => {
    const list = [...files].map(fileBytes).sort((a, b) => b.gzip - a.gzip);
    return {
      files: list,
      js: sum(list.filter((f) => f.kind === 'js')),
      css: sum(list.filter((f) => f.kind === 'css')),
    };
  };

  const entry = closure(manifest, entryKey(manifest));
  const rebateKeys = closure(manifest, routeKey(manifest, 'rebate-groups'), new Set(entry));
  const wizardRoute = routeKey(manifest, 'new-cashflow-group');
  const wizardKeys = closure(manifest, wizardRoute, new Set(entry));
  const rebateFiles = filesOf(manifest, rebateKeys);
  const wizardFiles = filesOf(manifest, wizardKeys);
  const onOpen = new Set([...wizardFiles].filter((f) => !rebateFiles.has(f)));

  const modules = (files: Set<string>): { modules: ModuleBytes[]; packages: ModuleBytes[] } => {
    const perModule = new Map<string, ModuleBytes>();
    for (const file of files) {
      if (!file.endsWith('.js')) continue;
      const code = readFileSync(join(outDir, file), 'utf8');
      const mapPath = join(outDir, `${file}.map`);
      // The bundler's own runtime has no map.
      const map: RawSourceMap = existsSync(mapPath)
        ? (JSON.parse(readFileSync(mapPath, 'utf8')) as RawSourceMap)
        : { sources: [], mappings: '' };
      const chars = charsPerSource(code, map);
      const total = [...chars.values()].reduce((a, b) => a + b, 0);
      const gz = fileBytes(file).gzip;
      for (const [index, n] of chars) {
        const name =
          index === -1 ? '(no source: bundler glue)' : moduleName(map.sources[index] ?? '?');
        const m = perModule.get(name) ?? { module: name, minified: 0, gzipShare: 0 };
        m.minified += n;
        m.gzipShare += (n / total) * gz;
        perModule.set(name, m);
      }
    }
    const perPackage = new Map<string, ModuleBytes>();
    for (const m of perModule.values()) {
      const name = m.module.startsWith('(') ? m.module : packageName(m.module);
      const p = perPackage.get(name) ?? { module: name, minified: 0, gzipShare: 0 };
      p.minified += m.minified;
      p.gzipShare += m.gzipShare;
      perPackage.set(name, p);
    }
    const top = (list: Iterable<ModuleBytes>) =>
      [...list]
        .sort((a, b) => b.minified - a.minified)
        .slice(0, 10)
        .map((m) => ({ ...m, gzipShare: Math.round(m.gzipShare) }));
    return { modules: top(perModule.values()), packages: top(perPackage.values()) };
  };

  const rebateModules = modules(rebateFiles);
  const wizardModules = modules(onOpen);
  const allJsFiles = new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => f.endsWith('.js')),
  );
  const wizardChunk = manifest[wizardRoute]?.file ?? '';
  return {
    buildSeconds,
    gzipLevel: GZIP_LEVEL,
    brotliQuality: BROTLI_QUALITY,
    rebateGroups: route(rebateFiles),
    wizardDirect: route(wizardFiles),
    wizardOnOpen: route(onOpen),
    wizardChunkInRebateGroups: rebateFiles.has(wizardChunk),
    topModules: { rebateGroups: rebateModules.modules, wizardOnOpen: wizardModules.modules },
    topPackages: { rebateGroups: rebateModules.packages, wizardOnOpen: wizardModules.packages },
    allJs: sum([...allJsFiles].map(fileBytes)),
  };
}
