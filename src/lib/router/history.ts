// The two histories the router runs on: the browser's (the app) and one in memory (tests).
// Each entry carries an index, so a Back or Forward (a "pop") knows how far it went, and a
// blocked pop can be undone by going the same distance the other way.

export type HistoryAction = 'POP' | 'PUSH' | 'REPLACE';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  /** What the navigation passed as `state`; null when none. */
  state: unknown;
  /** Unique per history entry ("default" for the first entry of a fresh history). */
  key: string;
}

export interface History {
  readonly location: Location;
  readonly index: number;
  push(path: string, state: unknown): void;
  replace(path: string, state: unknown): void;
  go(delta: number): void;
  /** Called after each pop with the distance moved. */
  listen(onPop: (delta: number) => void): () => void;
}

interface EntryState {
  usr: unknown;
  key: string;
  idx: number;
}

/** A new history entry's key. */
export const newKey = () => Math.random().toString(36).slice(2, 10);

/** Splits "/a/b?c=1#d" into its parts; the path is taken as written (it is ours, never typed). */
export function parsePath(path: string): Pick<Location, 'pathname' | 'search' | 'hash'> {
  const url = new URL(path, 'http://x');
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

export const createPath = (l: Pick<Location, 'pathname' | 'search' | 'hash'>) =>
  `${l.pathname}${l.search}${l.hash}`;

export function createBrowserHistory(win: Window = window): History {
  const entryState = () => win.history.state as Partial<EntryState> | null;
  /** The current entry's index, unless it has none (one the router did not write). */
  const storedIndex = () => {
    const idx = entryState()?.idx;
    return typeof idx === 'number' ? idx : undefined;
  };
  const read = (): { location: Location; index: number } => {
    const s = entryState();
    const { pathname, search, hash } = win.location;
    return {
      location: { pathname, search, hash, state: s?.usr ?? null, key: s?.key ?? 'default' },
      index: storedIndex() ?? 0,
    };
  };
  let current = read();
  // A fresh tab's first entry has no index yet: give it one, keeping whatever else is there.
  if (storedIndex() === undefined) {
    const entry: EntryState = { usr: current.location.state, key: current.location.key, idx: 0 };
    win.history.replaceState(entry, '');
  }
  const listeners = new Set<(delta: number) => void>();
  const onPopState = () => {
    const before = current.index;
    const indexed = storedIndex() !== undefined;
    current = read();
    if (!indexed) {
      // An entry the browser made itself (a "#section" link): one step on from where we were.
      // Its distance is known, so it is reported; the entry gets its index for later pops.
      const entry: EntryState = { usr: null, key: newKey(), idx: before + 1 };
      win.history.replaceState(entry, '');
      current = read();
    }
    for (const l of listeners) l(current.index - before);
  };

  const write = (path: string, usr: unknown, index: number, replace: boolean) => {
    const entry: EntryState = { usr, key: newKey(), idx: index };
    if (replace) win.history.replaceState(entry, '', path);
    else win.history.pushState(entry, '', path);
    current = read();
  };

  return {
    get location() {
      return current.location;
    },
    get index() {
      return current.index;
    },
    push: (path, state) => write(path, state, current.index + 1, false),
    replace: (path, state) => write(path, state, current.index, true),
    go: (delta) => win.history.go(delta),
    // The window's listener lives only while someone listens, so a disposed router leaves none.
    listen(onPop) {
      if (listeners.size === 0) {
        current = read();
        win.addEventListener('popstate', onPopState);
      }
      listeners.add(onPop);
      return () => {
        listeners.delete(onPop);
        if (listeners.size === 0) win.removeEventListener('popstate', onPopState);
      };
    },
  };
}

export function createMemoryHistory(
  initialEntries: string[] = ['/'],
  initialIndex?: number,
): History {
  const entries: Location[] = initialEntries.map((path, i) => ({
    ...parsePath(path),
    state: null,
    key: i === 0 ? 'default' : newKey(),
  }));
  let index = Math.min(Math.max(initialIndex ?? entries.length - 1, 0), entries.length - 1);
  const listeners = new Set<(delta: number) => void>();
  const entry = (path: string, state: unknown): Location => ({
    ...parsePath(path),
    state: state ?? null,
    key: newKey(),
  });
  return {
    get location() {
      return entries[index]!;
    },
    get index() {
      return index;
    },
    push(path, state) {
      index += 1;
      entries.splice(index, entries.length - index, entry(path, state));
    },
    replace(path, state) {
      entries[index] = entry(path, state);
    },
    go(delta) {
      const next = Math.min(Math.max(index + delta, 0), entries.length - 1);
      if (next === index) return;
      const moved = next - index;
      index = next;
      for (const l of listeners) l(moved);
    },
    listen(onPop) {
      listeners.add(onPop);
      return () => listeners.delete(onPop);
    },
  };
}
