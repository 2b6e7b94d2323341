// Benchmarks the pure rule logic (lint, toPayload, describeGroup) at 50, 200 and 1,000 rules:
// median, min and max of repeated runs. Run: npx tsx bench/model-bench.ts
import os from 'node:os';
import { describeGroup, toPayload } from '../src/features/cashflow-groups/model';
import { lint } from '../src/features/cashflow-groups/model/lint';
import type { GroupForm, RuleForm } from '../src/features/cashflow-groups/model/types';
import { RULE_FIELDS } from '../src/features/cashflow-groups/model/types';

const RUNS = 25;
const ops = ['IN', 'IS', 'STARTS_WITH', 'CONTAINS', 'ENDS_WITH'] as const;

function makeForm(n: number): Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'> {
  let seed = 7;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  const rules: RuleForm[] = Array.from({ length: n }, () => {
    const field = RULE_FIELDS[rand(RULE_FIELDS.length)] ?? 'source';
    const values =
      field === 'country'
        ? ['DE', 'AT', 'US', 'CA', 'FR'].slice(0, 1 + rand(5))
        : field === 'advanced_targeting_rule'
          ? ['79']
          : Array.from({ length: 1 + rand(5) }, () => `v${rand(500)}`);
    const operator =
      field === 'country' || field === 'advanced_targeting_rule' ? 'IN' : (ops[rand(5)] ?? 'IN');
    return { field, operator, values, negate: rand(2) === 1 };
  });
  return { rules, affiliateMode: 'all', affiliateIds: [] };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

function measure(fn: () => unknown): ReturnType<typeof stats> {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

export function runModelBench() {
  const rows: {
    rules: number;
    op: string;
    median: number;
    p95: number;
    min: number;
    max: number;
  }[] = [];
  for (const n of [50, 200, 1000]) {
    const form = makeForm(n);
    for (const [op, fn] of [
      ['lint', () => lint(form)],
      ['toPayload', () => toPayload(form)],
      ['describeGroup', () => describeGroup(form)],
    ] as const) {
      rows.push({ rules: n, op, ...measure(fn) });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    `model bench · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length} · ${new Date().toISOString()} · ${RUNS} runs`,
  );
  console.table(
    runModelBench().map((r) => ({
      ...r,
      median: r.median.toFixed(2),
      p95: r.p95.toFixed(2),
      min: r.min.toFixed(2),
      max: r.max.toFixed(2),
    })),
  );
}
