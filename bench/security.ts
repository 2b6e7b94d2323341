// The BFF under the two floods issue 22 names, measured on a real BFF process (bench/serve.ts):
// 1. Sign-in flood: 60 concurrent wrong sign-ins from one address, and at the same moment a right
//    sign-in from another address: how long the right one takes (budget ≤ 2 s), with the
//    production scrypt cost. Addresses are X-Forwarded-For values (TRUST_PROXY=127.0.0.1).
// 2. Large answers: five concurrent 10 MB answers from a stand-in HasOffers upstream, through
//    the BFF with its default bound (5 MB) and, as the peer in the same run, with the bound
//    lifted to 1 GiB (what the BFF did before it had one): the BFF's peak RSS (VmHWM) and answers.
import { createServer, type Server } from 'node:http';
import { hashPassword, SCRYPT_DEFAULTS } from '../server/auth/password-hash';
import {
  peakRssBytes,
  resetPeakRss,
  rssBytes,
  startProcess,
  stopProcess,
  waitForHttp,
} from './lib/procs';
import { ROOT } from './lib/stack';
import { summarize, type Summary } from './lib/stats';

const PORT = Number(process.env.BENCH_SECURITY_BFF_PORT ?? 18790);
const USER = 'flood-bench';
const PASSWORD = 'flood-bench-password-not-a-secret';
const FLOOD = 60;
const ANSWER_MB = 10;
const CONCURRENT_ANSWERS = 5;

export interface SecurityReport {
  runs: number;
  signIn: {
    flood: number;
    /** The right sign-in's time from the other address, ms. */
    friendMs: Summary;
    /** Of the flood, per run: refused at once (429) and checked (401). */
    refused: number[];
    checked: number[];
    /** The same right sign-in with no flood, ms: the hash's own cost on this machine. */
    aloneMs: Summary;
  };
  largeAnswers: {
    answerMb: number;
    concurrent: number;
    bounded: LargeAnswerRuns & { maxBytes: number };
    unbounded: LargeAnswerRuns & { maxBytes: number };
  };
}

const tsx = ['--import', 'tsx'];

async function startSecurityBff(env: Record<string, string>, logFile?: string) {
  const child = startProcess({
    name: 'bff-security',
    command: process.execPath,
    args: [...tsx, 'bench/serve.ts'],
    cwd: ROOT,
    env: { BFF_PORT: String(PORT), NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    ...(logFile && { logFile }),
  });
  await waitForHttp(`http://127.0.0.1:${PORT}/api/health`);
  return child;
}

const signIn = (ip: string, username: string, password: string) =>
  fetch(`http://127.0.0.1:${PORT}/api/session`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Requested-With': 'dashboard',
      'X-Forwarded-For': ip,
    },
    body: JSON.stringify({ username, password }),
  }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

/** A HasOffers stand-in whose every answer is a valid envelope of `mb` megabytes. */
function bigAnswerServer(mb: number): Promise<{ server: Server; url: string }> {
  const body = `{"response":{"status":1,"httpStatus":200,"data":"${'x'.repeat(mb * 1024 * 1024)}","errors":[]}}`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no address');
      resolve({ server, url: `http://127.0.0.1:${address.port}` });
    }),
  );
}

interface LargeAnswerRuns {
  /** The BFF's peak RSS while the answers ran (the peak is restarted just before them). */
  peakRssMb: Summary;
  /** Its RSS just before them: the database and the rest of a signed-in BFF at rest. */
  startRssMb: Summary;
  /** False if the peak could not be restarted: then it includes the BFF's own start. */
  peakReset: boolean;
  statuses: number[];
}

async function largeAnswers(
  runs: number,
  upstreamUrl: string,
  maxBytes: number,
): Promise<LargeAnswerRuns> {
  const peaks: number[] = [];
  const starts: number[] = [];
  let peakReset = true;
  const statuses: number[] = [];
  for (let run = 0; run < runs; run++) {
    const bff = await startSecurityBff({
      DASHBOARD_USERS: `${USER}:${await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 })}`,
      BENCH_EXNESS_URL: upstreamUrl,
      BENCH_HASOFFERS_URL: upstreamUrl,
      UPSTREAM_MAX_BYTES: String(maxBytes),
    });
    try {
      const login = await fetch(`http://127.0.0.1:${PORT}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'dashboard' },
        body: JSON.stringify({ username: USER, password: PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      if (bff.pid !== undefined) {
        peakReset &&= resetPeakRss(bff.pid);
        const start = rssBytes(bff.pid);
        if (start !== undefined) starts.push(start / 1024 / 1024);
      }
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT_ANSWERS }, (_, i) =>
          fetch(
            `http://127.0.0.1:${PORT}/api/hasoffers?Target=Affiliate&Method=findAll&page=${i + 1}`,
            { headers: { Cookie: cookie, 'X-Requested-With': 'dashboard' } },
          ).then(async (r) => {
            await r.arrayBuffer();
            return r.status;
          }),
        ),
      );
      statuses.push(...answers);
      const peak = bff.pid === undefined ? undefined : peakRssBytes(bff.pid);
      if (peak !== undefined) peaks.push(peak / 1024 / 1024);
    } finally {
      await stopProcess(bff);
    }
  }
  return {
    peakRssMb: summarize(peaks),
    startRssMb: summarize(starts),
    peakReset,
    statuses: [...new Set(statuses)],
  };
}

export async function runSecurityBench(runs: number): Promise<SecurityReport> {
  // The production cost: what a real DASHBOARD_USERS entry (npm run hash-password) has.
  const users = `${USER}:${await hashPassword(PASSWORD, SCRYPT_DEFAULTS)}`;
  const friend: number[] = [];
  const alone: number[] = [];
  const refused: number[] = [];
  const checked: number[] = [];
  const bff = await startSecurityBff({
    DASHBOARD_USERS: users,
    TRUST_PROXY: '127.0.0.1',
    // Nothing listens there: no upstream is called by a sign-in.
    BENCH_EXNESS_URL: 'http://127.0.0.1:9',
    BENCH_HASOFFERS_URL: 'http://127.0.0.1:9',
  });
  try {
    for (let run = 0; run < runs; run++) {
      // New addresses each run (documentation ranges, header values only): no lockout carries over.
      const attacker = `198.51.100.${run + 1}`;
      const t0 = performance.now();
      expectStatus(await signIn(`203.0.113.${100 + run}`, USER, PASSWORD), 200);
      alone.push(performance.now() - t0);

      const flood = Array.from({ length: FLOOD }, (_, i) => signIn(attacker, `user${i}`, 'guess'));
      const start = performance.now();
      const right = signIn(`203.0.113.${run + 1}`, USER, PASSWORD).then((status) => {
        expectStatus(status, 200);
        return performance.now() - start;
      });
      const [ms, statuses] = await Promise.all([right, Promise.all(flood)]);
      friend.push(ms);
      refused.push(statuses.filter((s) => s === 429).length);
      checked.push(statuses.filter((s) => s === 401).length);
    }
  } finally {
    await stopProcess(bff);
  }

  const { server, url } = await bigAnswerServer(ANSWER_MB);
  try {
    const boundedBytes = 5 * 1024 * 1024;
    const unboundedBytes = 1024 * 1024 * 1024;
    const bounded = await largeAnswers(runs, url, boundedBytes);
    const unbounded = await largeAnswers(runs, url, unboundedBytes);
    return {
      runs,
      signIn: {
        flood: FLOOD,
        friendMs: summarize(friend),
        refused,
        checked,
        aloneMs: summarize(alone),
      },
      largeAnswers: {
        answerMb: ANSWER_MB,
        concurrent: CONCURRENT_ANSWERS,
        bounded: { maxBytes: boundedBytes, ...bounded },
        unbounded: { maxBytes: unboundedBytes, ...unbounded },
      },
    };
  } finally {
    await new Promise((r) => server.close(r));
  }
}

function expectStatus(actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`sign-in answered ${actual}, expected ${expected}`);
}
