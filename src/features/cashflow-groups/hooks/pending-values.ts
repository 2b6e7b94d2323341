// Text typed into a rule's value box but not yet confirmed, kept outside React so the draft can
// save it without a render per keystroke (the boxes are uncontrolled for the keystroke budget).
//
// Keyed by the rule's field-array id while the Rules step is mounted: rows move and go, and an
// id follows its row where an index would name another rule. A draft stores rule indexes, so
// the store takes and gives indexes while no Rules step is mounted (before it first commits,
// and after it unmounts), and attaches them to ids with the step's rows.
import { createContext, useCallback, useContext, useLayoutEffect, useState } from 'react';

export interface PendingValues {
  /** The text waiting in the box of the row with this field-array id ('' when none). */
  get: (id: string) => string;
  /** Records the box's text; '' clears it. A change (only) is told to the subscribers. */
  set: (id: string, text: string) => void;
  /**
   * The Rules step's rows, in form order, as rendered: before the step has committed, texts
   * restored by index are given to these ids. Safe to call while rendering: it only adds what
   * was restored, so a render that is thrown away (and its ids) leaves nothing wrong behind.
   */
  adopt: (ids: readonly string[]) => void;
  /** The Rules step's rows as committed; ids no longer among them are forgotten. */
  attach: (ids: readonly string[]) => void;
  /** The Rules step has unmounted: its ids die with it, so the texts go back to indexes. */
  detach: () => void;
  /** The texts by rule index, for the draft (`count`: how many rules the form has). */
  byIndex: (count: number) => ReadonlyMap<number, string>;
  subscribe: (listener: () => void) => () => void;
}

export function createPendingValues(restored?: ReadonlyMap<number, string>): PendingValues {
  // By rule index while no Rules step holds ids (restored from the draft, or left by one).
  let indexed = new Map(restored);
  // '' marks a text cleared before the step committed, so that attaching does not restore it.
  const byId = new Map<string, string>();
  let order: readonly string[] | undefined;
  const listeners = new Set<() => void>();

  const adopt = (ids: readonly string[]) => {
    if (order !== undefined) return;
    for (const [index, text] of indexed) {
      const id = ids[index];
      if (id !== undefined && !byId.has(id)) byId.set(id, text);
    }
  };
  const collect = (entries: Iterable<[number, string | undefined]>, count: number) => {
    const out = new Map<number, string>();
    for (const [index, text] of entries) {
      if (text !== undefined && text !== '' && index < count) out.set(index, text);
    }
    return out;
  };

  return {
    get: (id) => byId.get(id) ?? '',
    set(id, text) {
      if ((byId.get(id) ?? '') === text) return;
      byId.set(id, text);
      listeners.forEach((l) => l());
    },
    adopt,
    attach(ids) {
      adopt(ids);
      order = ids;
      indexed = new Map();
      const live = new Set(ids);
      for (const [id, text] of [...byId]) if (text === '' || !live.has(id)) byId.delete(id);
    },
    detach() {
      if (order === undefined) return;
      indexed = collect(
        order.map((id, index) => [index, byId.get(id)]),
        order.length,
      );
      byId.clear();
      order = undefined;
    },
    byIndex: (count) =>
      order === undefined
        ? collect(indexed, count)
        : collect(
            order.map((id, index) => [index, byId.get(id)]),
            count,
          ),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Outside a wizard (a row or editor tested alone) nothing is kept. */
const NONE: PendingValues = {
  get: () => '',
  set: () => undefined,
  adopt: () => undefined,
  attach: () => undefined,
  detach: () => undefined,
  byIndex: () => new Map(),
  subscribe: () => () => undefined,
};

export const PendingValuesContext = createContext<PendingValues>(NONE);

export function usePendingValues(): PendingValues {
  return useContext(PendingValuesContext);
}

/**
 * A value box's unconfirmed text: what it starts with (read once, at mount) and where it
 * reports each change. Reporting is a plain call, no state: a keystroke still renders nothing.
 */
export function usePendingValue(id: string): { initial: string; report: (text: string) => void } {
  const store = usePendingValues();
  const [initial] = useState(() => store.get(id));
  const report = useCallback((text: string) => store.set(id, text), [store, id]);
  return { initial, report };
}

/** Attaches the store to the Rules step's rows: adopted while rendering, attached on commit. */
export function usePendingRows(ids: readonly string[]): void {
  const store = usePendingValues();
  store.adopt(ids);
  // Layout effects: the order is right before anything (a pagehide's save) can read it.
  useLayoutEffect(() => store.attach(ids), [store, ids]);
  useLayoutEffect(() => () => store.detach(), [store]);
}
