// The router: the current location and the routes it matches, navigation (with blockers and
// lazily loaded route code) and the state React renders. No React here; react.tsx renders it.
//
// Ours rather than React Router's data router: the dashboard uses a small part of it (a few
// absolute paths, lazy pages, one loader, one blocker), and the library was 30 KB gzip of the
// list's first load (bench/report.md). The names follow React Router's, so its docs still
// explain what each part means.
import {
  createBrowserHistory,
  createMemoryHistory,
  createPath,
  newKey,
  parsePath,
  type History,
  type HistoryAction,
  type Location,
} from './history';
import { createMatcher, type RouteMatch, type RouteObject } from './match';

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. By default a navigation to the
   * URL already shown replaces, any other adds. */
  replace?: boolean;
  state?: unknown;
  /** Render the new location at once (the default is a transition, time-sliced by React). */
  flushSync?: boolean;
}

export type Blocker =
  | { state: 'unblocked'; location: undefined; proceed: undefined; reset: undefined }
  | { state: 'blocked'; location: Location; proceed: () => void; reset: () => void }
  | { state: 'proceeding'; location: Location; proceed: undefined; reset: undefined };

export type BlockerFunction = (args: {
  currentLocation: Location;
  nextLocation: Location;
  historyAction: HistoryAction;
}) => boolean;

export const IDLE_BLOCKER: Blocker = {
  state: 'unblocked',
  location: undefined,
  proceed: undefined,
  reset: undefined,
};

export type Navigation =
  { state: 'idle'; location?: undefined } | { state: 'loading'; location: Location };

const IDLE: Navigation = { state: 'idle' };

/** What a route answers when nothing matches, as React Router's error responses do. */
export class ErrorResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
  ) {}
}

export const isRouteErrorResponse = (error: unknown): error is ErrorResponse =>
  error instanceof ErrorResponse;

export interface RouterState {
  location: Location;
  historyAction: HistoryAction;
  matches: RouteMatch[];
  navigation: Navigation;
  /** A route whose code or loader failed: its match index, and why. */
  error: { index: number; error: unknown } | null;
  /** False until the first location's code has loaded (its HydrateFallback shows until then). */
  initialized: boolean;
  blockers: ReadonlyMap<string, Blocker>;
}

type Resolved = { Component?: RouteObject['Component']; element?: RouteObject['element'] };

export interface Router {
  readonly state: RouterState;
  subscribe(listener: (state: RouterState, options: { flushSync: boolean }) => void): () => void;
  /** A path (absolute, "?search", "#hash" or relative to the current path) or a history step. */
  navigate(to: string | number, options?: NavigateOptions): Promise<void>;
  createHref(to: string, from?: Location): string;
  /** The route with its lazily loaded parts, once loaded. */
  resolve(route: RouteObject): RouteObject & Resolved;
  isLoaded(route: RouteObject): boolean;
  /** Registers a blocker; returns its removal. */
  setBlocker(key: string, fn: BlockerFunction): () => void;
  dispose(): void;
}

/** Resolves `to` against the location it is followed from. */
export function resolvePath(to: string, from: Pick<Location, 'pathname' | 'search'>): string {
  if (to.startsWith('/')) return to;
  if (to === '') return `${from.pathname}${from.search}`;
  if (to.startsWith('?')) return `${from.pathname}${to === '?' ? '' : to}`;
  if (to.startsWith('#')) return `${from.pathname}${from.search}${to}`;
  const base = from.pathname.endsWith('/') ? from.pathname : `${from.pathname}/`;
  const url = new URL(to, `http://x${base}`);
  return `${url.pathname}${url.search}${url.hash}`;
}

const toUrl = (l: Location) => new URL(createPath(l), 'http://x');

export function createRouter(routes: RouteObject[], history: History): Router {
  const match = createMatcher(routes);
  const resolved = new WeakMap<RouteObject, Resolved>();
  const loading = new WeakMap<RouteObject, Promise<void>>();
  const listeners = new Set<(state: RouterState, options: { flushSync: boolean }) => void>();
  const blockerFns = new Map<string, BlockerFunction>();
  let navigationId = 0;
  // A pop the router made itself (undoing a blocked Back) is not a navigation.
  let ignorePops = 0;
  let skipBlockOnce = false;
  // The blocker whose proceed sent the pop now arriving: unblocked once that pop has loaded.
  let pendingProceed: string | undefined;
  let lastLoad: Promise<void> = Promise.resolve();

  let state: RouterState = {
    location: history.location,
    historyAction: 'POP',
    matches: match(history.location.pathname) ?? [],
    navigation: IDLE,
    error: null,
    initialized: false,
    blockers: new Map(),
  };

  const update = (patch: Partial<RouterState>, flushSync = false) => {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l(state, { flushSync });
  };

  const setBlockerState = (key: string, blocker: Blocker | null) => {
    const blockers = new Map(state.blockers);
    if (blocker) blockers.set(key, blocker);
    else blockers.delete(key);
    update({ blockers });
  };

  const isLoaded = (route: RouteObject) => !route.lazy || resolved.has(route);

  function loadRoute(route: RouteObject): Promise<void> {
    const known = loading.get(route);
    if (known) return known;
    const promise = route.lazy!().then(
      (parts) => {
        resolved.set(route, parts);
      },
      (error: unknown) => {
        loading.delete(route); // a later visit tries again
        throw error;
      },
    );
    loading.set(route, promise);
    return promise;
  }

  /** Loads what `next` needs, then shows it. `push`/`replace` write history on commit. */
  function load(next: Location, action: HistoryAction, options: NavigateOptions): Promise<void> {
    const id = ++navigationId;
    const matches = match(next.pathname);
    const commit = (error: RouterState['error'], flushSync = options.flushSync ?? false) => {
      if (id !== navigationId) return;
      const path = createPath(next);
      if (action === 'PUSH') history.push(path, next.state);
      else if (action === 'REPLACE') history.replace(path, next.state);
      update(
        {
          location: history.location,
          historyAction: action,
          matches: matches ?? [],
          navigation: IDLE,
          error,
          initialized: true,
        },
        flushSync,
      );
    };
    if (!matches) {
      commit({ index: -1, error: new ErrorResponse(404, 'Not Found') });
      return Promise.resolve();
    }

    const waits: Promise<unknown>[] = [];
    const failures: { index: number; error: unknown }[] = [];
    const entered = new Set(state.initialized ? state.matches.map((m) => m.route) : []);
    const currentUrl = toUrl(state.location);
    const nextUrl = toUrl(next);
    matches.forEach((m, index) => {
      const catchAt = (error: unknown) => failures.push({ index, error });
      // Loaders first: they start beside the code's download, not after it.
      const { loader, shouldRevalidate } = m.route;
      if (loader && (!entered.has(m.route) || shouldRevalidate?.({ currentUrl, nextUrl }))) {
        try {
          const result = loader({ url: nextUrl, params: m.params });
          if (result instanceof Promise) waits.push(result.catch(catchAt));
        } catch (error) {
          catchAt(error);
        }
      }
      if (!isLoaded(m.route)) waits.push(loadRoute(m.route).catch(catchAt));
    });
    const firstFailure = () =>
      failures.length ? failures.reduce((a, b) => (b.index < a.index ? b : a)) : null;

    if (waits.length === 0) {
      commit(firstFailure());
      return Promise.resolve();
    }
    if (state.initialized) update({ navigation: { state: 'loading', location: next } });
    // Rendering after an await is never synchronous with the click any more.
    return Promise.all(waits).then(() => commit(firstFailure(), false));
  }

  function blockedBy(next: Location, action: HistoryAction): string | undefined {
    for (const [key, fn] of blockerFns) {
      if (fn({ currentLocation: state.location, nextLocation: next, historyAction: action })) {
        return key;
      }
    }
    return undefined;
  }

  /** Holds a navigation at a blocker until the page proceeds (then `go` runs) or resets. */
  function holdAt(key: string, next: Location, go: () => void) {
    setBlockerState(key, {
      state: 'blocked',
      location: next,
      proceed: () => {
        setBlockerState(key, {
          state: 'proceeding',
          location: next,
          proceed: undefined,
          reset: undefined,
        });
        go();
      },
      reset: () => setBlockerState(key, null),
    });
  }

  function navigate(to: string | number, options: NavigateOptions = {}): Promise<void> {
    if (typeof to === 'number') {
      history.go(to);
      return lastLoad;
    }
    const path = resolvePath(to, state.location);
    const next: Location = { ...parsePath(path), state: options.state ?? null, key: newKey() };
    const action: HistoryAction =
      options.replace === true ||
      (options.replace === undefined && path === createPath(state.location))
        ? 'REPLACE'
        : 'PUSH';
    const key = blockedBy(next, action);
    if (key !== undefined) {
      holdAt(key, next, () => {
        lastLoad = load(next, action, options).then(() => setBlockerState(key, null));
      });
      return Promise.resolve();
    }
    lastLoad = load(next, action, options);
    return lastLoad;
  }

  const stopListening = history.listen((delta) => {
    if (ignorePops > 0) {
      ignorePops -= 1;
      return;
    }
    const next = history.location;
    const key = skipBlockOnce ? undefined : blockedBy(next, 'POP');
    skipBlockOnce = false;
    if (key !== undefined) {
      // The browser has already moved: move back, and go again if the person proceeds.
      ignorePops += 1;
      history.go(-delta);
      holdAt(key, next, () => {
        skipBlockOnce = true;
        pendingProceed = key;
        history.go(delta);
      });
      return;
    }
    const proceeded = pendingProceed;
    pendingProceed = undefined;
    lastLoad = load(next, 'POP', {}).then(() => {
      if (proceeded !== undefined) setBlockerState(proceeded, null);
    });
  });

  lastLoad = load(history.location, 'POP', {});

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigate,
    createHref: (to, from = state.location) => resolvePath(to, from),
    resolve: (route) => ({ ...route, ...resolved.get(route) }),
    isLoaded,
    setBlocker(key, fn) {
      blockerFns.set(key, fn);
      return () => {
        blockerFns.delete(key);
        if (state.blockers.has(key)) setBlockerState(key, null);
      };
    },
    dispose: () => {
      stopListening();
      listeners.clear();
    },
  };
}

export const createBrowserRouter = (routes: RouteObject[]) =>
  createRouter(routes, createBrowserHistory());

export const createMemoryRouter = (
  routes: RouteObject[],
  options: { initialEntries?: string[]; initialIndex?: number } = {},
) => createRouter(routes, createMemoryHistory(options.initialEntries, options.initialIndex));
