// The router in React: the provider that renders the matched routes, and the hooks and links
// pages use. Rendering follows React Router's rules: a route without an element renders its
// children (Outlet); an errorElement catches its subtree's failures; before the first page's
// code has loaded, its HydrateFallback shows inside the routes above it.
import {
  Component,
  createContext,
  startTransition,
  use,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type ErrorInfo,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { flushSync } from 'react-dom';
import type { Location } from './history';
import type { Params, RouteMatch } from './match';
import {
  ErrorResponse,
  IDLE_BLOCKER,
  type Blocker,
  type BlockerFunction,
  type NavigateOptions,
  type Navigation,
  type Router,
  type RouterState,
} from './router';

const RouterContext = createContext<Router | null>(null);
const LocationContext = createContext<Location | null>(null);
const NavigationContext = createContext<Navigation>({ state: 'idle' });
const BlockersContext = createContext<RouterState['blockers']>(new Map());
const RouteContext = createContext<{ outlet: ReactNode; match: RouteMatch | null }>({
  outlet: null,
  match: null,
});
const RouteErrorContext = createContext<unknown>(undefined);

function useRouter(): Router {
  const router = use(RouterContext);
  if (!router) throw new Error('Router hooks and links must be used inside <RouterProvider>.');
  return router;
}

export function RouterProvider({ router }: { router: Router }) {
  const [state, setState] = useState(router.state);
  useLayoutEffect(() => {
    const stop = router.subscribe((next, options) => {
      if (options.flushSync) flushSync(() => setState(next));
      else startTransition(() => setState(next));
    });
    // Whatever changed between the first render and this subscription (a route's code arrived).
    // In a transition like any other navigation: set plainly here, in a layout effect, it would
    // render the whole page in one task (a 350 ms task on Lighthouse's slow phone).
    startTransition(() => setState(router.state));
    return stop;
  }, [router]);

  return (
    <RouterContext value={router}>
      <LocationContext value={state.location}>
        <NavigationContext value={state.navigation}>
          <BlockersContext value={state.blockers}>
            <ErrorBoundary location={state.location} errorElement={<DefaultError />}>
              {renderMatches(router, state)}
            </ErrorBoundary>
          </BlockersContext>
        </NavigationContext>
      </LocationContext>
    </RouterContext>
  );
}

function renderMatches(router: Router, state: RouterState): ReactNode {
  const { matches, error, location } = state;
  if (matches.length === 0 || error?.index === -1) {
    return <DefaultError error={error?.error ?? new ErrorResponse(404, 'Not Found')} />;
  }
  // A failed route shows the nearest errorElement at or above it.
  let errorAt = -1;
  if (error) {
    for (let i = Math.min(error.index, matches.length - 1); i >= 0; i -= 1) {
      if (matches[i]!.route.errorElement !== undefined) {
        errorAt = i;
        break;
      }
    }
    if (errorAt === -1) return <DefaultError error={error.error} />;
  }
  const fallbackAt = state.initialized ? -1 : matches.findIndex((m) => !router.isLoaded(m.route));
  const last = Math.min(
    matches.length - 1,
    errorAt === -1 ? Infinity : errorAt,
    fallbackAt === -1 ? Infinity : fallbackAt,
  );

  let outlet: ReactNode = null;
  for (let i = last; i >= 0; i -= 1) {
    const match = matches[i]!;
    const route = router.resolve(match.route);
    let children: ReactNode;
    if (i === errorAt) {
      children = <RouteErrorContext value={error!.error}>{route.errorElement}</RouteErrorContext>;
    } else if (i === fallbackAt) {
      children = route.HydrateFallback ? <route.HydrateFallback /> : null;
    } else if (route.Component) {
      children = <route.Component />;
    } else {
      children = route.element === undefined ? <Outlet /> : route.element;
    }
    let node = <RouteContext value={{ outlet, match }}>{children}</RouteContext>;
    if (route.errorElement !== undefined && i !== errorAt) {
      node = (
        <ErrorBoundary location={location} errorElement={route.errorElement}>
          {node}
        </ErrorBoundary>
      );
    }
    outlet = node;
  }
  return outlet;
}

interface BoundaryProps {
  location: Location;
  errorElement: ReactNode;
  children: ReactNode;
}

/** Catches a render failure below it; a new location clears it (the person moved on). */
class ErrorBoundary extends Component<
  BoundaryProps,
  { error: unknown; failed: boolean; location: Location }
> {
  override state = { error: undefined as unknown, failed: false, location: this.props.location };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(
    props: BoundaryProps,
    state: { error: unknown; failed: boolean; location: Location },
  ) {
    if (props.location !== state.location) {
      return { error: undefined, failed: false, location: props.location };
    }
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <RouteErrorContext value={this.state.error}>{this.props.errorElement}</RouteErrorContext>
    );
  }
}

/** The last resort, where no route gave an errorElement. */
function DefaultError({ error }: { error?: unknown }) {
  const routeError = use(RouteErrorContext);
  const shown = error ?? routeError;
  const text =
    shown instanceof ErrorResponse
      ? `${shown.status} ${shown.statusText}`
      : shown instanceof Error
        ? shown.message
        : 'Unknown error';
  return (
    <div role="alert">
      <h2>Something went wrong</h2>
      <p>{text}</p>
    </div>
  );
}

export function Outlet() {
  return use(RouteContext).outlet;
}

export function useLocation(): Location {
  const location = use(LocationContext);
  if (!location) throw new Error('useLocation must be used inside <RouterProvider>.');
  return location;
}

export const useNavigation = (): Navigation => use(NavigationContext);

export const useRouteError = (): unknown => use(RouteErrorContext);

export const useParams = (): Params => use(RouteContext).match?.params ?? {};

export function useNavigate(): (to: string | number, options?: NavigateOptions) => Promise<void> {
  const router = useRouter();
  return useCallback((to, options) => router.navigate(to, options), [router]);
}

type SearchParamsInit = ConstructorParameters<typeof URLSearchParams>[0];

export function useSearchParams(): [
  URLSearchParams,
  (
    next: SearchParamsInit | ((prev: URLSearchParams) => SearchParamsInit),
    options?: NavigateOptions,
  ) => void,
] {
  const router = useRouter();
  const { search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const set = useCallback(
    (
      next: SearchParamsInit | ((prev: URLSearchParams) => SearchParamsInit),
      options?: NavigateOptions,
    ) => {
      const value = new URLSearchParams(typeof next === 'function' ? next(params) : next);
      const text = value.toString();
      void router.navigate(text ? `?${text}` : '?', options);
    },
    [router, params],
  );
  return [params, set];
}

/** Blocks navigations `shouldBlock` says yes to, until the blocker proceeds or resets. */
export function useBlocker(shouldBlock: boolean | BlockerFunction): Blocker {
  const router = useRouter();
  const key = useId();
  const blockers = use(BlockersContext);
  // Registered once per component, reading the latest condition: re-registering on each render
  // (an inline function is new every time) would drop a blocked navigation the page is asking about.
  const latest = useRef(shouldBlock);
  useLayoutEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(
    () =>
      router.setBlocker(key, (args) => {
        const block = latest.current;
        return typeof block === 'function' ? block(args) : block;
      }),
    [router, key],
  );
  return blockers.get(key) ?? IDLE_BLOCKER;
}

/** Navigates once rendered: a redirect. */
export function Navigate({
  to,
  replace,
  state,
}: {
  to: string;
  replace?: boolean;
  state?: unknown;
}) {
  const router = useRouter();
  useEffect(() => {
    void router.navigate(to, { replace, state });
  }, [router, to, replace, state]);
  return null;
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  state?: unknown;
  /** Load the page from the server instead of navigating in the app. */
  reloadDocument?: boolean;
  ref?: Ref<HTMLAnchorElement>;
}

/** A click the app should handle: plain, main button, no new tab or window asked for. */
const isPlainClick = (event: MouseEvent<HTMLAnchorElement>, target?: string) =>
  !event.defaultPrevented &&
  event.button === 0 &&
  (!target || target === '_self') &&
  !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey);

export function Link({
  to,
  replace,
  state,
  reloadDocument,
  onClick,
  target,
  children,
  ...rest
}: LinkProps) {
  const router = useRouter();
  const location = useLocation();
  return (
    <a
      {...rest}
      href={router.createHref(to, location)}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (reloadDocument || !isPlainClick(event, target)) return;
        event.preventDefault();
        void router.navigate(to, { replace, state });
      }}
    >
      {children}
    </a>
  );
}

export interface NavLinkProps extends Omit<LinkProps, 'className'> {
  /** Match this path only, not the paths below it. */
  end?: boolean;
  className?: string | ((args: { isActive: boolean }) => string | undefined);
}

/** A link that knows when it leads to where the person is: class "active", aria-current. */
export function NavLink({ end = false, className, ...rest }: NavLinkProps) {
  const router = useRouter();
  const { pathname } = useLocation();
  const target = new URL(router.createHref(rest.to), 'http://x').pathname;
  const isActive =
    pathname === target ||
    (!end && target !== '/' && pathname.startsWith(target.endsWith('/') ? target : `${target}/`));
  const given = typeof className === 'function' ? className({ isActive }) : className;
  return (
    <Link
      {...rest}
      aria-current={isActive ? 'page' : undefined}
      className={[given, isActive ? 'active' : undefined].filter(Boolean).join(' ') || undefined}
    />
  );
}
