import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLOCK_SIZE, MAX_BLOCK_SIZE, partitionRows, type RowBlock } from '../row-blocks';

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `r${from + i}`);
const sizes = (blocks: RowBlock[]) => blocks.map((b) => b.ids.length);
/** Which block each row is in. */
const blockOf = (blocks: RowBlock[]) =>
  new Map(blocks.flatMap((b) => b.ids.map((id) => [id, b.key] as const)));
/** Rows whose block differs between two partitions: the rows React would mount again. */
function moved(before: RowBlock[], after: RowBlock[]): string[] {
  const was = blockOf(before);
  return [...blockOf(after)]
    .filter(([id, key]) => was.has(id) && was.get(id) !== key)
    .map(([id]) => id);
}
function swap(ids: string[], i: number, j: number): string[] {
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

function expectWellFormed(ids: readonly string[], blocks: RowBlock[]) {
  expect(blocks.flatMap((b) => b.ids)).toEqual(ids);
  expect(blocks.every((b) => b.ids.length > 0)).toBe(true);
  expect(new Set(blocks.map((b) => b.key)).size).toBe(blocks.length);
}

describe('partitionRows', () => {
  it.each([
    { n: 0, want: [] },
    { n: 1, want: [1] },
    { n: BLOCK_SIZE, want: [BLOCK_SIZE] },
    { n: BLOCK_SIZE + 1, want: [BLOCK_SIZE, 1] },
    { n: 1000, want: Array<number>(25).fill(BLOCK_SIZE) },
  ])('fills fresh blocks of $n rows to the block size', ({ n, want }) => {
    const blocks = partitionRows(rows(n), []);
    expect(sizes(blocks)).toEqual(want);
    expectWellFormed(rows(n), blocks);
  });

  it('changes nothing when nothing changed', () => {
    const first = partitionRows(rows(130), []);
    expect(partitionRows(rows(130), first)).toEqual(first);
  });

  it('appending fills the last block, then starts a new one', () => {
    const first = partitionRows(rows(39), []);
    const at40 = partitionRows(rows(40), first);
    expect(sizes(at40)).toEqual([40]);
    const at41 = partitionRows(rows(41), at40);
    expect(sizes(at41)).toEqual([40, 1]);
    expect(moved(at40, at41)).toEqual([]);
  });

  it.each([0, 1, 39, 40, 41, 79, 80, 100])(
    'inserting a row at %i changes no other row’s block',
    (at) => {
      const ids = rows(100);
      const before = partitionRows(ids, []);
      const next = [...ids.slice(0, at), 'new', ...ids.slice(at)];
      const after = partitionRows(next, before);
      expectWellFormed(next, after);
      expect(moved(before, after)).toEqual([]);
    },
  );

  it.each([0, 1, 39, 40, 41, 99])('removing row %i changes no other row’s block', (at) => {
    const ids = rows(100);
    const before = partitionRows(ids, []);
    const next = ids.filter((_, i) => i !== at);
    const after = partitionRows(next, before);
    expectWellFormed(next, after);
    expect(moved(before, after)).toEqual([]);
  });

  // r39 is the first block's last row, r40 the second block's first: swapping them is r39
  // moving down past the edge, or r40 moving up past it. The moving row holds focus.
  it.each([
    { way: 'down past its block’s last row', moving: 'r39', passed: 'r40', want: [41, 39] },
    { way: 'up past its block’s first row', moving: 'r40', passed: 'r39', want: [39, 41] },
  ])(
    'a row moved $way stays in its block; the row it passed changes',
    ({ moving, passed, want }) => {
      const ids = rows(80);
      const before = partitionRows(ids, []);
      const after = partitionRows(swap(ids, 39, 40), before, moving);
      expect(moved(before, after)).toEqual([passed]);
      expect(sizes(after)).toEqual(want);
    },
  );

  it('a row moved on through a whole block stays in its block all the way', () => {
    let ids = rows(120);
    let blocks = partitionRows(ids, []);
    const home = blockOf(blocks).get('r39');
    for (let at = 39; at < 119; at++) {
      ids = swap(ids, at, at + 1);
      blocks = partitionRows(ids, blocks, 'r39');
      expectWellFormed(ids, blocks);
      expect(blockOf(blocks).get('r39')).toBe(home);
    }
  });

  it('inserts in one place split a block that grew past the maximum, and only once', () => {
    let ids = rows(40);
    let blocks = partitionRows(ids, []);
    for (let n = 0; n < MAX_BLOCK_SIZE; n++) {
      ids = [...ids.slice(0, 20), `n${n}`, ...ids.slice(20)];
      blocks = partitionRows(ids, blocks);
      expectWellFormed(ids, blocks);
      expect(Math.max(...sizes(blocks))).toBeLessThanOrEqual(MAX_BLOCK_SIZE);
    }
    expect(sizes(blocks)).toEqual([MAX_BLOCK_SIZE, 40]);
  });

  it('a pasted list replacing every row gets fresh blocks', () => {
    const before = partitionRows(rows(50), []);
    const after = partitionRows(rows(50, 1000), before);
    expect(sizes(after)).toEqual([40, 10]);
    expect(after.map((b) => b.key).some((k) => before.some((b) => b.key === k))).toBe(false);
  });

  // Random edits of the kinds the builder makes (add, insert, duplicate, remove, move by one):
  // the blocks always hold the rows in order, and an edit changes the block of at most one row
  // besides a block split.
  it('holds the rows in order through any sequence of edits, changing at most one row’s block', () => {
    type Edit =
      | { kind: 'insert'; at: number }
      | { kind: 'remove'; at: number }
      | { kind: 'move'; at: number; down: boolean };
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), down: fc.boolean() }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.array(edit, { maxLength: 60 }),
        (n, edits: Edit[]) => {
          let ids = rows(n);
          let blocks = partitionRows(ids, []);
          let fresh = 0;
          for (const e of edits) {
            let keep: string | undefined;
            let next: string[];
            if (e.kind === 'insert') {
              const at = e.at % (ids.length + 1);
              next = [...ids.slice(0, at), `x${fresh++}`, ...ids.slice(at)];
            } else if (ids.length === 0) {
              continue;
            } else if (e.kind === 'remove') {
              next = ids.filter((_, i) => i !== e.at % ids.length);
            } else {
              const from = e.at % ids.length;
              const to = e.down ? from + 1 : from - 1;
              if (to < 0 || to >= ids.length) continue;
              keep = ids[from];
              next = swap(ids, from, to);
            }
            const after = partitionRows(next, blocks, keep);
            expectWellFormed(next, after);
            const changed = moved(blocks, after);
            const split = after.length > blocks.length && changed.length > 1;
            if (!split) expect(changed.length).toBeLessThanOrEqual(1);
            if (keep !== undefined) expect(changed).not.toContain(keep);
            expect(Math.max(0, ...sizes(after))).toBeLessThanOrEqual(MAX_BLOCK_SIZE);
            ids = next;
            blocks = after;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
