// Which routes a pathname matches: pure, so the ranking is tested by table.
import type { ComponentType, ReactNode } from 'react';

export interface LoaderArgs {
  url: URL;
  params: Params;
}

export interface RouteObject {
  /** Absolute ("/a/:id"), relative to the parent's path ("edit"), or "*" for anything. */
  path?: string;
  element?: ReactNode;
  Component?: ComponentType;
  /** Shown instead of the route's subtree when it, or a route below it without one, fails. */
  errorElement?: ReactNode;
  /** Shown on the first visit while the route's code (lazy) loads. */
  HydrateFallback?: ComponentType;
  /** Started when the route is entered, beside its code's download; its result is not kept. */
  loader?: (args: LoaderArgs) => unknown;
  /** Whether a navigation that stays on the route runs its loader again (default: no). */
  shouldRevalidate?: (args: { currentUrl: URL; nextUrl: URL }) => boolean;
  /** The route's component, loaded on first entry. */
  lazy?: () => Promise<{ Component?: ComponentType; element?: ReactNode }>;
  children?: RouteObject[];
}

export type Params = Readonly<Record<string, string>>;

export interface RouteMatch {
  route: RouteObject;
  /** The params of this match and every match above it. */
  params: Params;
}

interface Branch {
  routes: RouteObject[];
  segments: string[];
  score: number;
  order: number;
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a malformed escape in a typed URL: match it as written
  }
};

const splitPath = (path: string) => path.split('/').filter(Boolean);

function joinPaths(parent: string[], path: string | undefined): string[] {
  if (path === undefined) return parent;
  return path.startsWith('/') ? splitPath(path) : [...parent, ...splitPath(path)];
}

// As React Router ranks them: more segments first, a static segment over a parameter, a splat last.
function scoreOf(segments: string[]): number {
  let score = segments.length;
  for (const s of segments) {
    if (s === '*') score -= 2;
    else if (s.startsWith(':')) score += 3;
    else score += 10;
  }
  return score;
}

function flatten(
  routes: RouteObject[],
  parents: RouteObject[] = [],
  base: string[] = [],
): Branch[] {
  const out: Branch[] = [];
  for (const route of routes) {
    const chain = [...parents, route];
    const segments = joinPaths(base, route.path);
    if (route.children?.length) out.push(...flatten(route.children, chain, segments));
    // A layout without a path matches only through its children.
    if (route.path !== undefined) {
      out.push({ routes: chain, segments, score: scoreOf(segments), order: 0 });
    }
  }
  return out;
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i]!;
    if (p === '*') {
      params['*'] = actual.slice(i).map(decode).join('/');
      return params;
    }
    const a = actual[i];
    if (a === undefined) return null;
    if (p.startsWith(':')) {
      params[p.slice(1)] = decode(a);
    } else if (p.toLowerCase() !== decode(a).toLowerCase()) {
      // The browser hands the pathname percent-encoded ("/caf%C3%A9"); routes are written plain.
      return null;
    }
  }
  return actual.length === pattern.length ? params : null;
}

export type RouteMatcher = (pathname: string) => RouteMatch[] | null;

/** Ranks the route tree once; the returned function matches a pathname against it. */
export function createMatcher(routes: RouteObject[]): RouteMatcher {
  const branches = flatten(routes)
    .map((b, order) => ({ ...b, order }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  return (pathname) => {
    const actual = splitPath(pathname);
    for (const branch of branches) {
      const params = matchSegments(branch.segments, actual);
      if (params) return branch.routes.map((route) => ({ route, params }));
    }
    return null;
  };
}
