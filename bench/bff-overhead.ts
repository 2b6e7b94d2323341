// BFF overhead: the same read sent to the emulator directly and through the BFF at a fixed rate
// (loopback); the difference of the latency percentiles is what the BFF adds. A fresh BFF per
// run, so its peak RSS (VmHWM, restarted after its start) is one sample per run.
//
// The fixed rate is ours (`paced`): one request every 1000/rate ms, whatever the answers do.
// autocannon's `overallRate` is not a rate: each connection sends back to back until its share of
// the second is used, then waits for the next second, so 200 req/s over 10 connections is a burst
// of 200 requests at full speed (10 in flight) in the first ~100-250 ms of every second, then
// nothing. Its latencies are queueing under saturation: the BFF's CPU per request times the
// queue, not the latency it adds at 200 req/s. BENCH_BFF_LOAD=autocannon still measures that.
import http from 'node:http';
import autocannon from 'autocannon';
import { EMULATOR_CREDENTIALS } from '../mock-api/credentials';
import { peakRssBytes, resetPeakRss } from './lib/procs';
import { signIn, startBff, stopProcess, URLS } from './lib/stack';
import { summarize, type Summary } from './lib/stats';

export type LoadGenerator = 'paced' | 'autocannon';

export interface LoadResult {
  requests: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
}

export interface Target {
  name: 'exness' | 'hasoffers';
  label: string;
}

export interface BffOverheadReport {
  /** How the rate was made (see the top of this file). */
  loadGenerator: LoadGenerator;
  rate: number;
  seconds: number;
  connections: number;
  runs: number;
  hasOffersLimit: { bff: number; emulator: number };
  perTarget: Record<
    Target['name'],
    {
      label: string;
      direct: { p50: Summary; p99: Summary };
      viaBff: { p50: Summary; p99: Summary };
      addedP50: Summary;
      addedP99: Summary;
      non2xx: number;
      errors: number;
    }
  >;
  peakRssMiB: Summary;
}

const LIST_QUERY = 'ordering=-created&limit=25&offset=0';
/** Affiliate::findAll as the wizard's picker asks for its first page. */
const HO_QUERY =
  'Target=Affiliate&Method=findAll&fields%5B%5D=id&fields%5B%5D=company&fields%5B%5D=status' +
  '&fields%5B%5D=country&sort%5Bcompany%5D=asc&limit=20&page=1';

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

interface LoadTarget {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A fixed-rate run: request i is sent at start + i/rate (open loop: the schedule never waits for
 * an answer), over at most `connections` keep-alive connections. Latency per response, from
 * sending the request to its last byte.
 */
export async function pacedLoad(
  target: LoadTarget,
  rate: number,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = http.request(target.url, {
        method: target.method,
        headers: {
          ...target.headers,
          ...(target.body !== undefined && {
            'Content-Length': String(Buffer.byteLength(target.body)),
          }),
        },
        agent,
      });
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.on('response', (res) => {
        res.resume();
        res.on('error', () => {
          errors += 1;
          resolve();
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) latencies.push(performance.now() - t0);
          else non2xx += 1;
          resolve();
        });
      });
      req.end(target.body);
    });
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait >= 1) await sleep(wait);
    pending.push(one());
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + non2xx,
    non2xx,
    errors,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

/** autocannon's `overallRate` (bursts, see the top); latencies from each response. */
export async function autocannonLoad(
  target: LoadTarget,
  rate: number,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { ...target, connections, overallRate: rate, duration: seconds },
      (err: unknown, res: autocannon.Result) => (err ? reject(err as Error) : resolve(res)),
    );
    instance.on('response', (_client, statusCode: number, _bytes, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else non2xx += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + non2xx,
    non2xx,
    errors: result.errors + result.timeouts,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

async function exnessToken(): Promise<string> {
  const res = await fetch(`${URLS.exness}/api/v2/auth/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      login: EMULATOR_CREDENTIALS.exnessLogin,
      password: EMULATOR_CREDENTIALS.exnessPassword,
    }),
  });
  return ((await res.json()) as { token: string }).token;
}

export async function runBffOverhead(options: {
  runs: number;
  rate: number;
  seconds: number;
  port: number;
  logFile: string;
  hasOffersLimit: number;
  connections?: number;
  loadGenerator?: LoadGenerator;
}): Promise<BffOverheadReport> {
  const { runs, rate, seconds, port, logFile } = options;
  const connections = options.connections ?? 10;
  const loadGenerator =
    options.loadGenerator ?? (process.env.BENCH_BFF_LOAD === 'autocannon' ? 'autocannon' : 'paced');
  const load = loadGenerator === 'paced' ? pacedLoad : autocannonLoad;
  const appUrl = `http://127.0.0.1:${port}`;
  const token = await exnessToken();
  const samples = {
    exness: {
      d50: [] as number[],
      d99: [] as number[],
      b50: [] as number[],
      b99: [] as number[],
      add50: [] as number[],
      add99: [] as number[],
      non2xx: 0,
      errors: 0,
    },
    hasoffers: {
      d50: [] as number[],
      d99: [] as number[],
      b50: [] as number[],
      b99: [] as number[],
      add50: [] as number[],
      add99: [] as number[],
      non2xx: 0,
      errors: 0,
    },
  };
  const rss: number[] = [];

  for (let run = 0; run < runs; run++) {
    const bff = await startBff({ port, logFile });
    try {
      const cookie = await signIn(appUrl);
      // The peak under load, not the database's first start (see resetPeakRss).
      if (bff.pid !== undefined) resetPeakRss(bff.pid);
      const bffHeaders = {
        Cookie: `${cookie.name}=${cookie.value}`,
        'X-Requested-With': 'dashboard',
        Accept: 'application/json',
      };
      const targets = {
        exness: {
          direct: {
            // GET, as the dashboard lists (a POST on this path creates a group upstream).
            url: `${URLS.exness}/api/v2/autorebates/groups/?${LIST_QUERY}`,
            method: 'GET' as const,
            headers: { Authorization: `JWT ${token}`, Accept: 'application/json' },
          },
          viaBff: {
            url: `${appUrl}/api/exness/api/v2/autorebates/groups/?${LIST_QUERY}`,
            method: 'GET' as const,
            headers: bffHeaders,
          },
        },
        hasoffers: {
          direct: {
            url: `${URLS.hasoffers}/Apiv3/json?${HO_QUERY}&NetworkToken=${EMULATOR_CREDENTIALS.hasOffersNetworkToken}`,
            method: 'GET' as const,
            headers: { Accept: 'application/json' },
          },
          viaBff: {
            url: `${appUrl}/api/hasoffers?${HO_QUERY}`,
            method: 'GET' as const,
            headers: bffHeaders,
          },
        },
      };
      for (const name of ['exness', 'hasoffers'] as const) {
        const t = targets[name];
        // Warm-up: JIT, the BFF's Exness login, keep-alive sockets.
        await load(t.direct, rate, 1, connections);
        await load(t.viaBff, rate, 1, connections);
        // Alternate the order between runs so that drift on the machine does not favour one.
        const order =
          run % 2 === 0 ? (['direct', 'viaBff'] as const) : (['viaBff', 'direct'] as const);
        const r: Partial<Record<'direct' | 'viaBff', LoadResult>> = {};
        for (const which of order) r[which] = await load(t[which], rate, seconds, connections);
        const d = r.direct as LoadResult;
        const b = r.viaBff as LoadResult;
        const s = samples[name];
        s.d50.push(d.p50);
        s.d99.push(d.p99);
        s.b50.push(b.p50);
        s.b99.push(b.p99);
        s.add50.push(b.p50 - d.p50);
        s.add99.push(b.p99 - d.p99);
        s.non2xx += d.non2xx + b.non2xx;
        s.errors += d.errors + b.errors;
      }
      const peak = bff.pid !== undefined ? peakRssBytes(bff.pid) : undefined;
      if (peak !== undefined) rss.push(peak / (1024 * 1024));
    } finally {
      await stopProcess(bff);
    }
  }
  const target = (name: Target['name'], label: string) => {
    const s = samples[name];
    return {
      label,
      direct: { p50: summarize(s.d50), p99: summarize(s.d99) },
      viaBff: { p50: summarize(s.b50), p99: summarize(s.b99) },
      addedP50: summarize(s.add50),
      addedP99: summarize(s.add99),
      non2xx: s.non2xx,
      errors: s.errors,
    };
  };
  return {
    loadGenerator,
    rate,
    seconds,
    connections,
    runs,
    hasOffersLimit: { bff: options.hasOffersLimit, emulator: options.hasOffersLimit },
    perTarget: {
      exness: target('exness', 'Exness list (GET /api/v2/autorebates/groups/, 25 rows)'),
      hasoffers: target('hasoffers', 'HasOffers read (Affiliate::findAll, 20 rows)'),
    },
    peakRssMiB: summarize(rss),
  };
}
