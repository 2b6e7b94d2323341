// Child processes of the benchmark: each in its own process group, all stopped on exit, on
// failure and on Ctrl-C. Only processes started here are ever signalled (by their own ids).
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';

interface Started {
  name: string;
  child: ChildProcess;
}

const started: Started[] = [];

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Where stdout and stderr go (a file); discarded when absent. */
  logFile?: string;
}

export function startProcess(options: StartOptions): ChildProcess {
  const out = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', out, out],
    // Its own group, so that anything it starts goes with it.
    detached: true,
  });
  started.push({ name: options.name, child });
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops one process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // The group may outlive its leader for a moment (tsx's inner node process).
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Nothing left.
    }
  }
  const i = started.findIndex((s) => s.child === child);
  if (i !== -1) started.splice(i, 1);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...started].reverse().map((s) => stopProcess(s.child)));
}

/** Synchronous last resort for `process.on('exit')`. */
function killAllNow(): void {
  for (const s of started) signalGroup(s.child, 'SIGKILL');
}

let installed = false;
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      void stopAll().finally(() => process.exit(130));
    });
  }
}

/** Polls a URL until it answers (any status) or the time is up. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${String(last)})`);
}

/**
 * Starts a process's peak resident set size (VmHWM) again from its present size (Linux:
 * `5` written to /proc/PID/clear_refs). A fresh BFF's peak is otherwise its database's: the
 * embedded PGlite's first start (initdb) peaks near 850 MiB, and would hide whatever is measured
 * after it. False when the kernel refused (then the peak includes the start).
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Resident set size now (VmRSS) of one process, in bytes (Linux /proc). */
export function rssBytes(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) of one process, in bytes (Linux /proc). */
export function peakRssBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
