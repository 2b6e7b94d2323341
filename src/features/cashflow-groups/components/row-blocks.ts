// Rule rows grouped into blocks, each block skipped by the browser while off screen
// (`content-visibility: auto`). Why: a keystroke in one row makes the browser lay the list out
// again, and a list of 1,000 direct children costs that layout, the hover hit test and the
// near-viewport observer about 10 ms per key; 25 blocks of 40 cost about 2.
//
// React cannot move a component between parents: a row that changes block unmounts and mounts
// again, losing its focus and any text typed but not yet added as a value. So blocks are sticky:
// a row stays in the block it was in for as long as the order allows, inserting or removing a
// row changes no other row's block, and a row moved past a block's edge stays in its block (the
// row it swaps with changes block instead). Pure, so it can be tested on its own.

/** Rows a new block is filled to before another starts. */
export const BLOCK_SIZE = 40;
/** A block that grew past this by inserts is split, so no block grows without bound. */
export const MAX_BLOCK_SIZE = 2 * BLOCK_SIZE;

export interface RowBlock {
  /** Stable React key of the block. */
  key: string;
  /** Row ids in order. */
  ids: string[];
}

/**
 * The blocks for `ids` (the rows in order), given the previous blocks. `keep` names a row that
 * must not change block if any row has to: the one holding focus.
 */
export function partitionRows(
  ids: readonly string[],
  previous: readonly RowBlock[],
  keep?: string,
): RowBlock[] {
  const blockOf = new Map<string, string>();
  for (const block of previous) for (const id of block.ids) blockOf.set(id, block.key);
  const taken = new Set(blockOf.values());
  // How many rows still to place want each previous block: one that inserts grew past the
  // maximum is split in halves, once, rather than shedding a row into a new block per insert.
  const left = new Map<string, number>();
  for (const id of ids) {
    const key = blockOf.get(id);
    if (key !== undefined) left.set(key, (left.get(key) ?? 0) + 1);
  }
  const keepAt = keep === undefined ? -1 : ids.indexOf(keep);

  const blocks: RowBlock[] = [];
  const used = new Set<string>();
  // A previous block whose rows continue under another key: split, or met again after its key
  // was used (its rows no longer side by side).
  const renamed = new Map<string, string>();
  const wantedBy = (id: string | undefined) => {
    let key = id === undefined ? undefined : blockOf.get(id);
    while (key !== undefined && renamed.has(key)) key = renamed.get(key);
    return key;
  };
  /** A key no block has, now or before, named after the row that starts the block. */
  const freshKey = (id: string) => {
    let key = `b:${id}`;
    for (let n = 2; used.has(key) || taken.has(key); n++) key = `b:${id}:${n}`;
    return key;
  };
  let current: RowBlock | undefined;
  /** The previous block the open one was opened for, whose remaining rows it expects. */
  let currentFor: string | undefined;
  const open = (wanted: string | undefined, id: string): RowBlock => {
    let key = wanted;
    if (key === undefined || used.has(key)) {
      key = freshKey(id);
      if (wanted !== undefined) renamed.set(wanted, key);
    }
    used.add(key);
    currentFor = blockOf.get(id);
    current = { key, ids: [] };
    blocks.push(current);
    return current;
  };
  const shouldSplit = (block: RowBlock) => {
    const size = block.ids.length;
    const total = size + (currentFor === undefined ? 0 : (left.get(currentFor) ?? 0));
    return size >= MAX_BLOCK_SIZE || (total > MAX_BLOCK_SIZE && size >= Math.ceil(total / 2));
  };

  ids.forEach((id, i) => {
    const wanted = wantedBy(id);
    let block: RowBlock;
    if (current === undefined) {
      block = open(wanted, id);
    } else if (wanted === current.key) {
      block = current;
      if (shouldSplit(current)) {
        if (keepAt >= i && wantedBy(keep) === current.key) {
          // The row to keep is in the second half: the first half takes a new key instead
          // (its rows mount again, once per block split, rather than the focused one).
          const first = current;
          used.delete(first.key);
          first.key = freshKey(first.ids[0] ?? id);
          used.add(first.key);
        }
        block = open(wanted, id);
      }
    } else {
      const nextWantsCurrent = wantedBy(ids[i + 1]) === current.key;
      if (wanted === undefined) {
        // A new row joins the block it lands in, or starts one when that block is full and
        // nothing after it belongs there (appending at the end).
        const room = current.ids.length < (nextWantsCurrent ? MAX_BLOCK_SIZE : BLOCK_SIZE);
        block = room ? current : open(undefined, id);
      } else if (nextWantsCurrent && !(id === keep && !used.has(wanted))) {
        // A row swapped past the edge of the open block, whose rows go on after it: this row
        // changes block, not theirs. The row to keep goes back to its own block instead.
        block = current;
      } else {
        block = open(wanted, id);
      }
    }
    block.ids.push(id);
    const from = blockOf.get(id);
    if (from !== undefined) left.set(from, (left.get(from) ?? 1) - 1);
  });
  return blocks;
}
