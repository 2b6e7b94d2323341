// The bench's phases, in the order they run: a module of its own so the report can count them
// without importing bench/run.ts (which runs the bench when imported).
export const PHASES = [
  'bytes',
  'lighthouse',
  'list',
  'rules',
  'peer',
  'bff',
  'security',
  'model',
] as const;
export type Phase = (typeof PHASES)[number];
