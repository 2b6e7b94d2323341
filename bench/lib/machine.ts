// The machine a report was measured on.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  commit: string;
  /** Files changed in the working tree when measured (the bench measures the tree as it is). */
  uncommitted: number;
  loadAverage: number[];
  totalSeconds?: number;
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

export function machineInfo(): MachineInfo {
  const status = run('git', ['status', '--short']);
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: run(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
    commit: run('git', ['rev-parse', '--short', 'HEAD']),
    uncommitted: status === '' || status === 'unknown' ? 0 : status.split('\n').length,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
