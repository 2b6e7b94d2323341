// The router in React: navigation and history, the hooks and links pages use, lazy routes and
// loaders, error elements, blockers, and the browser history it runs on in the app.
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  Suspense,
  use,
  useLayoutEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import {
  createBrowserRouter,
  createMemoryRouter,
  Link,
  Navigate,
  NavLink,
  Outlet,
  RouterProvider,
  useBlocker,
  useNavigation,
  useParams,
  useRouteError,
  useSearchParams,
  type BlockerFunction,
  type LinkProps,
  type RouteObject,
  type Router,
} from '..';
import { createBrowserHistory } from '../history';
import { deferred } from '@/test/deferred';

function renderRouter(routes: RouteObject[], initialEntries: string[] = ['/']) {
  const router = createMemoryRouter(routes, { initialEntries });
  render(<RouterProvider router={router} />);
  return router;
}

const page = (path: string, name: string): RouteObject => ({ path, element: <h1>{name}</h1> });

const heading = () => screen.getByRole('heading', { level: 1 });

type LazyParts = { Component: ComponentType };
const lazyPage = (name: string): LazyParts => ({ Component: () => <h1>{name}</h1> });

/** Starts a navigation the test does not wait for (its route's code is still loading). */
function startNavigation(router: Router, to: string) {
  let done!: Promise<void>;
  act(() => {
    done = router.navigate(to);
  });
  return done;
}

describe('navigate', () => {
  const routes = [page('/start', 'Start'), page('/a', 'A'), page('/b', 'B'), page('/c', 'C')];

  it('pushes a new entry with a new key', async () => {
    const router = renderRouter(routes, ['/a']);
    const before = router.state.location.key;
    await act(() => router.navigate('/b'));
    expect(router.state.historyAction).toBe('PUSH');
    expect(router.state.location.pathname).toBe('/b');
    expect(router.state.location.key).not.toBe(before);
    expect(heading().textContent).toBe('B');
  });

  it('replaces the entry with replace: true', async () => {
    const router = renderRouter(routes, ['/start', '/a']);
    await act(() => router.navigate('/b', { replace: true }));
    expect(router.state.historyAction).toBe('REPLACE');
    expect(heading().textContent).toBe('B');
    // /a is gone: one step back is the entry before it.
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/start');
  });

  it('replaces by default when navigating to the URL already shown', async () => {
    const router = renderRouter(routes, ['/start', '/a?x=1']);
    await act(() => router.navigate('/a?x=1'));
    expect(router.state.historyAction).toBe('REPLACE');
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/start');
  });

  it('pushes when only the search differs from the URL shown', async () => {
    const router = renderRouter(routes, ['/a?x=1']);
    await act(() => router.navigate('/a?x=2'));
    expect(router.state.historyAction).toBe('PUSH');
  });

  it('pops back with navigate(-1), restoring the entry and its state', async () => {
    const router = renderRouter(routes, ['/a']);
    await act(() => router.navigate('/b', { state: { from: 'a' } }));
    const pushed = router.state.location;
    await act(() => router.navigate('/c'));
    expect(router.state.location.state).toBeNull();

    await act(() => router.navigate(-1));
    expect(router.state.historyAction).toBe('POP');
    expect(router.state.location).toEqual(pushed);
    expect(router.state.location.state).toEqual({ from: 'a' });
    expect(heading().textContent).toBe('B');
  });
});

describe('useSearchParams', () => {
  type Api = ReturnType<typeof useSearchParams>;
  function setup(url: string) {
    const api: { current: Api | null } = { current: null };
    function Probe() {
      api.current = useSearchParams();
      return <p>q={api.current[0].get('q')}</p>;
    }
    const router = renderRouter([{ path: '/list', element: <Probe /> }], [url]);
    const set: Api[1] = (...args) => act(() => api.current![1](...args));
    return { router, set, params: () => api.current![0] };
  }

  it('reads the search of the location', () => {
    const { params } = setup('/list?q=x&page=2');
    expect(params().get('q')).toBe('x');
    expect(params().get('page')).toBe('2');
    expect(screen.getByText('q=x')).toBeInTheDocument();
  });

  it('sets the params from an object, keeping the pathname', () => {
    const { router, set } = setup('/list?q=x&page=2');
    set({ q: 'y' });
    expect(router.state.location.pathname).toBe('/list');
    expect(router.state.location.search).toBe('?q=y');
    expect(screen.getByText('q=y')).toBeInTheDocument();
  });

  it('sets the params from a function of the previous ones', () => {
    const { router, set } = setup('/list?q=x&page=2');
    set((prev) => {
      const next = new URLSearchParams(prev);
      next.set('page', '3');
      return next;
    });
    expect(router.state.location.search).toBe('?q=x&page=3');
  });

  it('leaves no "?" behind when the params are emptied', () => {
    const { router, set } = setup('/list?q=x');
    set({});
    expect(router.state.location.pathname).toBe('/list');
    expect(router.state.location.search).toBe('');
    expect(screen.getByText('q=')).toBeInTheDocument();
  });

  it('passes navigate options through', () => {
    const { router, set } = setup('/list?q=x');
    set({ q: 'y' }, { replace: true, state: { why: 'filter' } });
    expect(router.state.historyAction).toBe('REPLACE');
    expect(router.state.location.state).toEqual({ why: 'filter' });
  });
});

describe('Link', () => {
  function setup(link: ReactNode, entries = ['/a']) {
    const router = renderRouter(
      [
        { path: '/a', element: <>{link}</> },
        page('/b', 'B'),
        page('/start', 'Start'),
        { path: '/items/:id', element: <>{link}</> },
      ],
      entries,
    );
    return { router, link: screen.getByRole('link') };
  }

  /**
   * Clicks the link and answers whether the app prevented the page load. A listener on the
   * document, which runs after React's on the root, reads that and then prevents the load
   * itself: jsdom would otherwise try to follow the link (and log that it cannot).
   */
  function click(link: HTMLElement, init?: MouseEventInit): boolean {
    let prevented: boolean | undefined;
    const record = (event: Event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    };
    document.addEventListener('click', record);
    fireEvent.click(link, init);
    document.removeEventListener('click', record);
    if (prevented === undefined) throw new Error('the click did not reach the document');
    return prevented;
  }

  it('navigates in the app on a plain click, preventing the page load', async () => {
    const { router, link } = setup(<Link to="/b">To B</Link>);
    expect(link).toHaveAttribute('href', '/b');
    expect(click(link)).toBe(true);
    expect(await screen.findByRole('heading', { name: 'B' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/b');
    expect(router.state.historyAction).toBe('PUSH');
  });

  it.each<[string, Partial<MouseEventInit>]>([
    ['ctrl', { ctrlKey: true }],
    ['meta', { metaKey: true }],
    ['shift', { shiftKey: true }],
    ['alt', { altKey: true }],
    ['the middle button', { button: 1 }],
  ])('leaves a click with %s to the browser', (_, init) => {
    const { router, link } = setup(<Link to="/b">To B</Link>);
    expect(click(link, init)).toBe(false);
    expect(router.state.location.pathname).toBe('/a');
  });

  it.each<[string, Partial<LinkProps>, boolean]>([
    ['leaves a click on a target="_blank" link to the browser', { target: '_blank' }, false],
    ['navigates in the app with target="_self"', { target: '_self' }, true],
    ['leaves a click to the browser with reloadDocument', { reloadDocument: true }, false],
  ])('%s', (_, props, inApp) => {
    const { router, link } = setup(
      <Link to="/b" {...props}>
        To B
      </Link>,
    );
    expect(link).toHaveAttribute('href', '/b');
    expect(click(link)).toBe(inApp);
    expect(router.state.location.pathname).toBe(inApp ? '/b' : '/a');
  });

  it('does not navigate when its onClick prevented the default', () => {
    const { router, link } = setup(
      <Link to="/b" onClick={(e) => e.preventDefault()}>
        To B
      </Link>,
    );
    click(link);
    expect(router.state.location.pathname).toBe('/a');
  });

  it('passes its state', async () => {
    const { router, link } = setup(
      <Link to="/b" state={{ from: 'link' }}>
        To B
      </Link>,
    );
    await userEvent.click(link);
    expect(router.state.location.pathname).toBe('/b');
    expect(router.state.location.state).toEqual({ from: 'link' });
  });

  it('replaces the entry with replace', async () => {
    const { router, link } = setup(
      <Link to="/b" replace>
        To B
      </Link>,
      ['/start', '/a'],
    );
    await userEvent.click(link);
    expect(router.state.historyAction).toBe('REPLACE');
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/start');
  });

  it.each([
    ['?q=1', '/a?q=1'],
    ['#top', '/a#top'],
    ['edit', '/a/edit'],
  ])('resolves to="%s" against the current location as %s', (to, href) => {
    const { link } = setup(<Link to={to}>Go</Link>);
    expect(link).toHaveAttribute('href', href);
  });

  it('resolves a relative link against the current path, params included', () => {
    const { link } = setup(<Link to="../8">Next</Link>, ['/items/7']);
    expect(link).toHaveAttribute('href', '/items/8');
  });
});

describe('NavLink', () => {
  function renderAt(path: string, link: ReactNode) {
    renderRouter([{ path: '*', element: <nav>{link}</nav> }], [path]);
    return screen.getByRole('link');
  }

  const expectActive = (link: HTMLElement, active: boolean) => {
    if (active) {
      expect(link).toHaveClass('active');
      expect(link).toHaveAttribute('aria-current', 'page');
    } else {
      expect(link).not.toHaveClass('active');
      expect(link).not.toHaveAttribute('aria-current');
    }
  };

  it.each<{ path: string; end?: boolean; active: boolean }>([
    { path: '/items', active: true },
    { path: '/items/7', active: true },
    { path: '/items/7/edit', active: true },
    { path: '/items/7', end: true, active: false },
    { path: '/items', end: true, active: true },
    // Starts with the same letters, but is not below it.
    { path: '/itemsx', active: false },
    { path: '/other', active: false },
  ])('to="/items" on $path (end: $end) is active: $active', ({ path, end, active }) => {
    expectActive(
      renderAt(
        path,
        <NavLink to="/items" end={end}>
          Items
        </NavLink>,
      ),
      active,
    );
  });

  it('to="/" is active on "/"', () => {
    expectActive(renderAt('/', <NavLink to="/">Home</NavLink>), true);
  });

  it('to="/" is not active on "/x"', () => {
    expectActive(renderAt('/x', <NavLink to="/">Home</NavLink>), false);
  });

  it('gives a className function isActive, keeping the "active" class', () => {
    const className = vi.fn(({ isActive }: { isActive: boolean }) => (isActive ? 'on' : 'off'));
    renderRouter(
      [
        {
          path: '*',
          element: (
            <nav>
              <NavLink to="/a" className={className}>
                A
              </NavLink>
              <NavLink to="/b" className={className}>
                B
              </NavLink>
            </nav>
          ),
        },
      ],
      ['/a'],
    );
    expect(screen.getByRole('link', { name: 'A' })).toHaveAttribute('class', 'on active');
    expect(screen.getByRole('link', { name: 'B' })).toHaveAttribute('class', 'off');
    expect(className).toHaveBeenCalledWith({ isActive: true });
    expect(className).toHaveBeenCalledWith({ isActive: false });
  });

  it('follows the location as it changes', async () => {
    renderRouter(
      [
        {
          path: '*',
          element: (
            <nav>
              <NavLink to="/a">A</NavLink>
              <NavLink to="/b">B</NavLink>
            </nav>
          ),
        },
      ],
      ['/a'],
    );
    await userEvent.click(screen.getByRole('link', { name: 'B' }));
    expectActive(screen.getByRole('link', { name: 'A' }), false);
    expectActive(screen.getByRole('link', { name: 'B' }), true);
  });
});

describe('Navigate', () => {
  it('redirects, replacing the entry', async () => {
    const router = renderRouter(
      [
        page('/start', 'Start'),
        { path: '/old', element: <Navigate to="/new" replace /> },
        page('/new', 'New'),
      ],
      ['/start', '/old'],
    );
    expect(await screen.findByRole('heading', { name: 'New' })).toBeInTheDocument();
    expect(router.state.historyAction).toBe('REPLACE');
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/start');
  });

  it('passes its state', async () => {
    const router = renderRouter(
      [
        { path: '/old', element: <Navigate to="/new" state={{ why: 'moved' }} /> },
        page('/new', 'New'),
      ],
      ['/old'],
    );
    await screen.findByRole('heading', { name: 'New' });
    expect(router.state.historyAction).toBe('PUSH');
    expect(router.state.location.state).toEqual({ why: 'moved' });
  });
});

describe('useParams', () => {
  function Params() {
    return <pre>{JSON.stringify(useParams())}</pre>;
  }

  it('gives the params of the matched route, decoded', () => {
    renderRouter([{ path: '/users/:id', element: <Params /> }], ['/users/ann%20b']);
    expect(screen.getByText('{"id":"ann b"}')).toBeInTheDocument();
  });

  it('gives a layout the params of the route below it', () => {
    renderRouter(
      [
        {
          path: '/org/:org',
          element: (
            <section aria-label="layout">
              <Params />
              <Outlet />
            </section>
          ),
          children: [{ path: 'users/:id', element: <h1>User</h1> }],
        },
      ],
      ['/org/acme/users/7'],
    );
    expect(screen.getByText('{"org":"acme","id":"7"}')).toBeInTheDocument();
    expect(heading().textContent).toBe('User');
  });

  it('gives {} outside any route', () => {
    render(<Params />);
    expect(screen.getByText('{}')).toBeInTheDocument();
  });
});

describe('lazy routes', () => {
  function Layout() {
    return (
      <>
        <header>Layout</header>
        <p data-testid="navigation">{useNavigation().state}</p>
        <main>
          <Outlet />
        </main>
      </>
    );
  }
  const Fallback = () => <p>Loading slow</p>;
  const within = (children: RouteObject[]): RouteObject[] => [{ element: <Layout />, children }];
  const navigationState = () => screen.getByTestId('navigation').textContent;

  it('shows the HydrateFallback inside the layout on the first visit, then the page', async () => {
    const code = deferred<LazyParts>();
    const router = renderRouter(
      within([{ path: '/slow', lazy: () => code.promise, HydrateFallback: Fallback }]),
      ['/slow'],
    );
    expect(screen.getByText('Layout')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Loading slow');
    expect(router.state.initialized).toBe(false);

    code.resolve(lazyPage('Slow'));
    expect(await screen.findByRole('heading', { name: 'Slow' })).toBeInTheDocument();
    expect(screen.queryByText('Loading slow')).not.toBeInTheDocument();
    expect(screen.getByText('Layout')).toBeInTheDocument();
    expect(router.state.initialized).toBe(true);
  });

  it('keeps the old page while an in-app navigation loads the code, then commits', async () => {
    const code = deferred<LazyParts>();
    const router = renderRouter(
      within([
        page('/a', 'A'),
        { path: '/slow', lazy: () => code.promise, HydrateFallback: Fallback },
      ]),
      ['/a'],
    );
    const done = startNavigation(router, '/slow');

    expect(heading().textContent).toBe('A');
    expect(navigationState()).toBe('loading');
    expect(router.state.location.pathname).toBe('/a');
    expect(router.state.navigation.location?.pathname).toBe('/slow');
    // The fallback is for first visits only.
    expect(screen.queryByText('Loading slow')).not.toBeInTheDocument();

    await act(async () => {
      code.resolve(lazyPage('Slow'));
      await done;
    });
    expect(heading().textContent).toBe('Slow');
    expect(navigationState()).toBe('idle');
    expect(router.state.location.pathname).toBe('/slow');
    expect(router.state.historyAction).toBe('PUSH');
  });

  it('lets a newer navigation win over one still loading', async () => {
    const code = deferred<LazyParts>();
    const router = renderRouter(
      within([page('/a', 'A'), page('/b', 'B'), { path: '/slow', lazy: () => code.promise }]),
      ['/a'],
    );
    const slow = startNavigation(router, '/slow');
    await act(() => router.navigate('/b'));
    expect(heading().textContent).toBe('B');
    expect(navigationState()).toBe('idle');

    await act(async () => {
      code.resolve(lazyPage('Slow'));
      await slow;
    });
    expect(heading().textContent).toBe('B');
    expect(router.state.location.pathname).toBe('/b');
    // Nor did it write history: one step back is where both started.
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/a');
  });

  it('lets a newer lazy navigation win even when the older code arrives first', async () => {
    const first = deferred<LazyParts>();
    const second = deferred<LazyParts>();
    const router = renderRouter(
      within([
        page('/a', 'A'),
        { path: '/one', lazy: () => first.promise },
        { path: '/two', lazy: () => second.promise },
      ]),
      ['/a'],
    );
    const one = startNavigation(router, '/one');
    const two = startNavigation(router, '/two');

    await act(async () => {
      first.resolve(lazyPage('One'));
      await one;
    });
    expect(heading().textContent).toBe('A');
    expect(router.state.navigation.location?.pathname).toBe('/two');

    await act(async () => {
      second.resolve(lazyPage('Two'));
      await two;
    });
    expect(heading().textContent).toBe('Two');
  });

  it('loads a lazy route once: a second visit renders at once', async () => {
    const lazy = vi.fn(() => Promise.resolve(lazyPage('Slow')));
    const router = renderRouter(within([page('/a', 'A'), { path: '/slow', lazy }]), ['/a']);
    await act(() => router.navigate('/slow'));
    await act(() => router.navigate('/a'));
    act(() => {
      void router.navigate('/slow');
    });
    expect(router.state.navigation.state).toBe('idle');
    expect(heading().textContent).toBe('Slow');
    expect(lazy).toHaveBeenCalledTimes(1);
  });
});

describe('loaders', () => {
  it('runs on entering a route with the new URL and the params', async () => {
    const loader = vi.fn();
    const router = renderRouter([page('/', 'Home'), { path: '/items/:id', loader, element: null }]);
    expect(loader).not.toHaveBeenCalled();
    await act(() => router.navigate('/items/7?tab=notes#x'));
    expect(loader).toHaveBeenCalledTimes(1);
    const [{ url, params }] = loader.mock.calls[0]!;
    expect(url).toBeInstanceOf(URL);
    expect(url.pathname).toBe('/items/7');
    expect(url.search).toBe('?tab=notes');
    expect(params).toEqual({ id: '7' });
  });

  it('runs for the first location', () => {
    const loader = vi.fn();
    renderRouter([{ path: '/items/:id', loader, element: null }], ['/items/7']);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(loader.mock.calls[0]![0].params).toEqual({ id: '7' });
  });

  it('does not run again while staying on the route', async () => {
    const loader = vi.fn();
    const router = renderRouter([{ path: '/items/:id', loader, element: null }], ['/items/7']);
    await act(() => router.navigate('/items/7?tab=notes'));
    await act(() => router.navigate('/items/7?tab=other'));
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('runs again while staying on the route when shouldRevalidate says so', async () => {
    const loader = vi.fn();
    const shouldRevalidate = vi.fn(() => true);
    const router = renderRouter(
      [{ path: '/items/:id', loader, shouldRevalidate, element: null }],
      ['/items/7'],
    );
    await act(() => router.navigate('/items/7?tab=notes'));
    expect(loader).toHaveBeenCalledTimes(2);
    const [{ currentUrl, nextUrl }] = shouldRevalidate.mock.calls[0]! as unknown as [
      { currentUrl: URL; nextUrl: URL },
    ];
    expect(currentUrl.href).toBe('http://x/items/7');
    expect(nextUrl.href).toBe('http://x/items/7?tab=notes');
  });

  it('does not run again when shouldRevalidate says no', async () => {
    const loader = vi.fn();
    const router = renderRouter(
      [{ path: '/items/:id', loader, shouldRevalidate: () => false, element: null }],
      ['/items/7'],
    );
    await act(() => router.navigate('/items/7?tab=notes'));
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('runs again when the route is entered again after leaving it', async () => {
    const loader = vi.fn();
    const router = renderRouter(
      [{ path: '/items/:id', loader, element: null }, page('/other', 'Other')],
      ['/items/7'],
    );
    await act(() => router.navigate('/other'));
    expect(loader).toHaveBeenCalledTimes(1);
    await act(() => router.navigate('/items/7'));
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('runs a parent layout loader only on entering the layout', async () => {
    const loader = vi.fn();
    const router = renderRouter(
      [
        { loader, element: <Outlet />, children: [page('/a', 'A'), page('/b', 'B')] },
        page('/out', 'Out'),
      ],
      ['/a'],
    );
    await act(() => router.navigate('/b'));
    expect(loader).toHaveBeenCalledTimes(1);
    await act(() => router.navigate('/out'));
    await act(() => router.navigate('/a'));
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('runs while the route code is still loading, not after it', async () => {
    const code = deferred<LazyParts>();
    const loader = vi.fn();
    const router = renderRouter(
      [page('/a', 'A'), { path: '/slow', loader, lazy: () => code.promise }],
      ['/a'],
    );
    const done = startNavigation(router, '/slow');
    expect(loader).toHaveBeenCalledTimes(1);
    expect(router.state.location.pathname).toBe('/a');
    await act(async () => {
      code.resolve(lazyPage('Slow'));
      await done;
    });
    expect(heading().textContent).toBe('Slow');
  });

  it('holds the navigation until a loader promise settles', async () => {
    const data = deferred<void>();
    const router = renderRouter(
      [page('/a', 'A'), { ...page('/b', 'B'), loader: () => data.promise }],
      ['/a'],
    );
    const done = startNavigation(router, '/b');
    expect(router.state.navigation.state).toBe('loading');
    expect(heading().textContent).toBe('A');
    await act(async () => {
      data.resolve();
      await done;
    });
    expect(heading().textContent).toBe('B');
  });
});

describe('errors', () => {
  function RouteError() {
    const error = useRouteError();
    return (
      <p role="alert">Route error: {error instanceof Error ? error.message : String(error)}</p>
    );
  }
  function Layout() {
    return (
      <>
        <header>Layout</header>
        <Outlet />
      </>
    );
  }
  function Boom(): ReactNode {
    throw new Error('render failed');
  }

  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    // React and the boundary log caught render errors; the tests look at the page instead.
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => consoleError.mockRestore());

  /** On /a, inside a layout with an errorElement, beside /broken whose code fails to load. */
  const renderWithBrokenRoute = () =>
    renderRouter(
      [
        {
          element: <Layout />,
          errorElement: <RouteError />,
          children: [
            page('/a', 'A'),
            { path: '/broken', lazy: () => Promise.reject(new Error('chunk failed')) },
          ],
        },
      ],
      ['/a'],
    );

  it('shows the errorElement above a lazy route whose code failed, with the error', async () => {
    const router = renderWithBrokenRoute();
    await act(() => router.navigate('/broken'));
    expect(screen.getByRole('alert')).toHaveTextContent('Route error: chunk failed');
    // The failed route's errorElement replaces that route: here the layout.
    expect(screen.queryByText('Layout')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/broken');
  });

  it('shows the failed route’s own errorElement inside its layout', async () => {
    const router = renderRouter(
      [
        {
          element: <Layout />,
          errorElement: <p>Outer error</p>,
          children: [
            page('/a', 'A'),
            {
              path: '/broken',
              errorElement: <RouteError />,
              lazy: () => Promise.reject(new Error('chunk failed')),
            },
          ],
        },
      ],
      ['/a'],
    );
    await act(() => router.navigate('/broken'));
    expect(screen.getByRole('alert')).toHaveTextContent('Route error: chunk failed');
    expect(screen.getByText('Layout')).toBeInTheDocument();
    expect(screen.queryByText('Outer error')).not.toBeInTheDocument();
  });

  it('shows the errorElement when the first page’s code fails', async () => {
    renderRouter(
      [
        {
          path: '/broken',
          errorElement: <RouteError />,
          lazy: () => Promise.reject(new Error('offline')),
        },
      ],
      ['/broken'],
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Route error: offline');
  });

  it('shows the errorElement when a loader fails', async () => {
    const router = renderRouter(
      [
        page('/a', 'A'),
        {
          path: '/b',
          errorElement: <RouteError />,
          loader: () => Promise.reject(new Error('no data')),
          element: <h1>B</h1>,
        },
      ],
      ['/a'],
    );
    await act(() => router.navigate('/b'));
    expect(screen.getByRole('alert')).toHaveTextContent('Route error: no data');
  });

  it('tries a failed lazy route again on the next visit', async () => {
    const lazy = vi
      .fn<() => Promise<LazyParts>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(lazyPage('Flaky'));
    const router = renderRouter(
      [
        {
          element: <Layout />,
          errorElement: <RouteError />,
          children: [page('/a', 'A'), { path: '/flaky', lazy }],
        },
      ],
      ['/a'],
    );
    await act(() => router.navigate('/flaky'));
    expect(screen.getByRole('alert')).toHaveTextContent('offline');
    await act(() => router.navigate('/a'));
    await act(() => router.navigate('/flaky'));
    expect(heading().textContent).toBe('Flaky');
    expect(lazy).toHaveBeenCalledTimes(2);
  });

  it('catches a component that throws while rendering in the nearest errorElement', async () => {
    const router = renderRouter(
      [
        {
          element: <Layout />,
          errorElement: <p>Outer error</p>,
          children: [
            page('/a', 'A'),
            { path: '/boom', errorElement: <RouteError />, element: <Boom /> },
          ],
        },
      ],
      ['/a'],
    );
    await act(() => router.navigate('/boom'));
    expect(screen.getByRole('alert')).toHaveTextContent('Route error: render failed');
    expect(screen.getByText('Layout')).toBeInTheDocument();
    expect(screen.queryByText('Outer error')).not.toBeInTheDocument();
  });

  it('catches a render failure below a route without an errorElement in the one above', async () => {
    renderRouter(
      [
        {
          element: <Layout />,
          errorElement: <RouteError />,
          children: [{ path: '/boom', element: <Boom /> }],
        },
      ],
      ['/boom'],
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Route error: render failed');
    expect(screen.queryByText('Layout')).not.toBeInTheDocument();
  });

  it('clears a render error when navigating elsewhere', async () => {
    const router = renderRouter(
      [
        {
          element: <Layout />,
          errorElement: <RouteError />,
          children: [page('/a', 'A'), { path: '/boom', element: <Boom /> }],
        },
      ],
      ['/boom'],
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await act(() => router.navigate('/a'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(heading().textContent).toBe('A');
    expect(screen.getByText('Layout')).toBeInTheDocument();
  });

  it('clears a failed route’s error when navigating elsewhere', async () => {
    const router = renderWithBrokenRoute();
    await act(() => router.navigate('/broken'));
    await act(() => router.navigate('/a'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(heading().textContent).toBe('A');
    expect(router.state.error).toBeNull();
  });

  it('shows a 404 for an unmatched path when no route catches it', () => {
    renderRouter([page('/a', 'A')], ['/nope']);
    expect(screen.getByRole('alert')).toHaveTextContent('404');
  });

  it('shows a 404 after navigating to an unmatched path, and leaves it for a matched one', async () => {
    const router = renderRouter([page('/a', 'A')], ['/a']);
    await act(() => router.navigate('/nope'));
    expect(screen.getByRole('alert')).toHaveTextContent('404');
    expect(router.state.location.pathname).toBe('/nope');
    await act(() => router.navigate('/a'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(heading().textContent).toBe('A');
  });
});

describe('useBlocker', () => {
  /** Shows the blocker; it sits in a layout, so it stays mounted across the pages below it. */
  function Guard({ when }: { when: BlockerFunction }) {
    const blocker = useBlocker(when);
    return (
      <aside>
        <p data-testid="blocker">{blocker.state}</p>
        <p data-testid="blocked-to">{blocker.location?.pathname ?? ''}</p>
        {blocker.state === 'blocked' && (
          <>
            <button onClick={() => blocker.proceed()}>Proceed</button>
            <button onClick={() => blocker.reset()}>Reset</button>
          </>
        )}
      </aside>
    );
  }
  function setup(when: BlockerFunction, entries: string[]) {
    return renderRouter(
      [
        {
          element: (
            <>
              <Guard when={when} />
              <Outlet />
            </>
          ),
          children: [page('/a', 'A'), page('/b', 'B'), page('/c', 'C')],
        },
      ],
      entries,
    );
  }
  const blockerState = () => screen.getByTestId('blocker').textContent;
  const blockedTo = () => screen.getByTestId('blocked-to').textContent;

  it('holds a PUSH it blocks: location unchanged, blocker blocked with the attempted location', async () => {
    const router = setup(() => true, ['/a']);
    await act(() => router.navigate('/b?x=1'));
    expect(router.state.location.pathname).toBe('/a');
    expect(heading().textContent).toBe('A');
    expect(blockerState()).toBe('blocked');
    expect(blockedTo()).toBe('/b');
    const blocker = [...router.state.blockers.values()][0];
    expect(blocker?.location).toMatchObject({ pathname: '/b', search: '?x=1' });
  });

  it('goes back to unblocked on reset, and stays there', async () => {
    const router = setup(() => true, ['/a']);
    await act(() => router.navigate('/b'));
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(blockerState()).toBe('unblocked');
    expect(blockedTo()).toBe('');
    expect(router.state.location.pathname).toBe('/a');
    expect(router.state.blockers.size).toBe(0);
  });

  it('completes the navigation on proceed, then unblocks', async () => {
    let block = true;
    const router = setup(() => block, ['/a']);
    await act(() => router.navigate('/b', { state: { n: 1 } }));
    await userEvent.click(screen.getByRole('button', { name: 'Proceed' }));
    expect(heading().textContent).toBe('B');
    expect(router.state.location).toMatchObject({ pathname: '/b', state: { n: 1 } });
    expect(router.state.historyAction).toBe('PUSH');
    expect(blockerState()).toBe('unblocked');
    // It was a push: back leads to /a.
    block = false;
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/a');
  });

  it('undoes a POP it blocks, and pops on proceed', async () => {
    const router = setup(() => true, ['/a', '/b']);
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/b');
    expect(heading().textContent).toBe('B');
    expect(blockerState()).toBe('blocked');
    expect(blockedTo()).toBe('/a');

    await userEvent.click(screen.getByRole('button', { name: 'Proceed' }));
    expect(router.state.location.pathname).toBe('/a');
    expect(router.state.historyAction).toBe('POP');
    expect(heading().textContent).toBe('A');
    expect(blockerState()).toBe('unblocked');
  });

  it('puts history back where it was after a blocked POP', async () => {
    let block = true;
    const router = setup(() => block, ['/a', '/b']);
    await act(() => router.navigate(-1));
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(blockerState()).toBe('unblocked');
    // Had the undo not happened, history would sit on /a and this back would go nowhere.
    block = false;
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/a');
    await act(() => router.navigate(1));
    expect(router.state.location.pathname).toBe('/b');
  });

  it('gives the blocker function the current and next locations and the action', async () => {
    const when = vi.fn<BlockerFunction>(() => false);
    const router = setup(when, ['/a']);
    await act(() => router.navigate('/b?x=1', { state: { n: 1 } }));
    await act(() => router.navigate('/b?x=1'));
    await act(() => router.navigate(-1));
    expect(when.mock.calls.map(([args]) => args)).toEqual([
      {
        currentLocation: expect.objectContaining({ pathname: '/a', search: '' }),
        nextLocation: expect.objectContaining({ pathname: '/b', search: '?x=1', state: { n: 1 } }),
        historyAction: 'PUSH',
      },
      {
        currentLocation: expect.objectContaining({ pathname: '/b' }),
        nextLocation: expect.objectContaining({ pathname: '/b' }),
        historyAction: 'REPLACE',
      },
      {
        currentLocation: expect.objectContaining({ pathname: '/b' }),
        nextLocation: expect.objectContaining({ pathname: '/a' }),
        historyAction: 'POP',
      },
    ]);
  });

  it('blocks only what its function says', async () => {
    const router = setup(({ nextLocation }) => nextLocation.pathname === '/c', ['/a']);
    await act(() => router.navigate('/b'));
    expect(router.state.location.pathname).toBe('/b');
    expect(blockerState()).toBe('unblocked');
    await act(() => router.navigate('/c'));
    expect(router.state.location.pathname).toBe('/b');
    expect(blockerState()).toBe('blocked');
  });

  it('holds a PUSH while its inline function re-renders the component that owns it', async () => {
    // Guard re-renders when it blocks, and an inline function is a new one on every render.
    const router = setup(({ nextLocation }) => nextLocation.pathname === '/b', ['/a']);
    await act(() => router.navigate('/b'));
    expect(router.state.location.pathname).toBe('/a');
    expect(blockerState()).toBe('blocked');
    await userEvent.click(screen.getByRole('button', { name: 'Proceed' }));
    expect(router.state.location.pathname).toBe('/b');
  });

  it('uses the function of the latest render', async () => {
    function Latest() {
      const [target, setTarget] = useState('/b');
      const blocker = useBlocker(({ nextLocation }) => nextLocation.pathname === target);
      return (
        <>
          <p data-testid="blocker">{blocker.state}</p>
          <button onClick={() => setTarget('/c')}>Guard C</button>
          <Outlet />
        </>
      );
    }
    const router = renderRouter(
      [{ element: <Latest />, children: [page('/a', 'A'), page('/b', 'B'), page('/c', 'C')] }],
      ['/a'],
    );
    await userEvent.click(screen.getByRole('button', { name: 'Guard C' }));
    await act(() => router.navigate('/b'));
    expect(router.state.location.pathname).toBe('/b');
    await act(() => router.navigate('/c'));
    expect(router.state.location.pathname).toBe('/b');
    expect(blockerState()).toBe('blocked');
  });

  it('no longer blocks once unmounted', async () => {
    const when = vi.fn(() => true);
    function Toggle() {
      const [on, setOn] = useState(true);
      return (
        <>
          {on && <Guard when={when} />}
          <button onClick={() => setOn(false)}>Remove guard</button>
          <Outlet />
        </>
      );
    }
    const router = renderRouter(
      [{ element: <Toggle />, children: [page('/a', 'A'), page('/b', 'B')] }],
      ['/a'],
    );
    await act(() => router.navigate('/b'));
    expect(router.state.location.pathname).toBe('/a');
    await userEvent.click(screen.getByRole('button', { name: 'Remove guard' }));
    // Unmounting a blocked blocker lets go of its blocked state too.
    expect(router.state.blockers.size).toBe(0);

    when.mockClear();
    await act(() => router.navigate('/b'));
    expect(router.state.location.pathname).toBe('/b');
    expect(when).not.toHaveBeenCalled();
  });
});

describe('RouterProvider', () => {
  /**
   * Layout effects run in tree order, so this one, placed before RouterProvider, navigates after
   * RouterProvider rendered and before its own effect subscribes: the change reaches no listener.
   */
  function NavigateFirst({ router, to }: { router: Router; to: string }) {
    useLayoutEffect(() => {
      void router.navigate(to);
    }, [router, to]);
    return null;
  }

  it('renders a state change made between its first render and its subscription', () => {
    const router = createMemoryRouter([page('/a', 'A'), page('/b', 'B')], {
      initialEntries: ['/a'],
    });
    render(
      <>
        <NavigateFirst router={router} to="/b" />
        <RouterProvider router={router} />
      </>,
    );
    expect(heading().textContent).toBe('B');
  });

  it('renders that catch-up in a transition: a next page that suspends leaves the shown one up', () => {
    // A plain setState in the subscribing layout effect would render the whole next page in one
    // task, and a suspending page would swap what is shown for the Suspense fallback.
    const never = new Promise<never>(() => {});
    function Waits(): ReactNode {
      use(never);
      return null;
    }
    const router = createMemoryRouter([page('/a', 'A'), { path: '/b', element: <Waits /> }], {
      initialEntries: ['/a'],
    });
    render(
      <Suspense fallback={<p>Waiting</p>}>
        <NavigateFirst router={router} to="/b" />
        <RouterProvider router={router} />
      </Suspense>,
    );
    expect(router.state.location.pathname).toBe('/b');
    expect(heading().textContent).toBe('A');
    expect(screen.queryByText('Waiting')).not.toBeInTheDocument();
  });

  it('shows a lazy first page whose code was already there', async () => {
    const router = createMemoryRouter([
      { path: '/', lazy: () => Promise.resolve(lazyPage('Ready')) },
    ]);
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('heading', { name: 'Ready' })).toBeInTheDocument();
  });

  it('renders a flushSync navigation within the navigate call', () => {
    const router = renderRouter([page('/a', 'A'), page('/b', 'B')], ['/a']);
    act(() => {
      void router.navigate('/b', { flushSync: true });
      // Within act, a transition's render waits for act's end; a flushSync one is done by now.
      expect(heading().textContent).toBe('B');
    });
  });
});

describe('createBrowserHistory', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('gives the first entry an index, keeping the URL', () => {
    window.history.replaceState(null, '', '/start?x=1');
    const history = createBrowserHistory();
    expect(window.history.state).toMatchObject({ idx: 0 });
    expect(history.index).toBe(0);
    expect(history.location).toMatchObject({
      pathname: '/start',
      search: '?x=1',
      state: null,
      key: 'default',
    });
    expect(window.location.pathname).toBe('/start');
  });

  it('pushes the path and state to window.history', () => {
    const history = createBrowserHistory();
    const length = window.history.length;
    history.push('/a?x=1#h', { n: 1 });
    expect(window.location.pathname).toBe('/a');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#h');
    expect(window.history.length).toBe(length + 1);
    expect(window.history.state).toMatchObject({ usr: { n: 1 }, idx: 1 });
    expect(history.location).toMatchObject({ pathname: '/a', state: { n: 1 } });
    expect(history.index).toBe(1);
  });

  it('replaces the entry in window.history, keeping its index', () => {
    const history = createBrowserHistory();
    history.push('/a', null);
    const length = window.history.length;
    const key = history.location.key;
    history.replace('/b', { n: 2 });
    expect(window.location.pathname).toBe('/b');
    expect(window.history.length).toBe(length);
    expect(window.history.state).toMatchObject({ usr: { n: 2 }, idx: 1 });
    expect(history.location.key).not.toBe(key);
  });

  it('tells its listeners how far a Back went', async () => {
    const history = createBrowserHistory();
    history.push('/a', null);
    history.push('/b', null);
    const onPop = vi.fn();
    const stop = history.listen(onPop);
    window.history.go(-2);
    // jsdom fires popstate in a later task.
    await vi.waitFor(() => expect(onPop).toHaveBeenCalledTimes(1));
    expect(onPop).toHaveBeenCalledWith(-2);
    expect(history.location.pathname).toBe('/');
    expect(history.index).toBe(0);
    // One history per window in the app; a test's listener left behind would see the next test's pops.
    stop();
  });

  it('calls listeners with -1 after window.history.back(), and not after they stop', async () => {
    const history = createBrowserHistory();
    history.push('/a', null);
    history.push('/b', null);
    const onPop = vi.fn();
    const stop = history.listen(onPop);
    window.history.back();
    await vi.waitFor(() => expect(onPop).toHaveBeenCalledWith(-1));
    expect(history.location.pathname).toBe('/a');

    stop();
    const other = vi.fn();
    const stopOther = history.listen(other);
    window.history.back();
    await vi.waitFor(() => expect(other).toHaveBeenCalledWith(-1));
    expect(onPop).toHaveBeenCalledTimes(1);
    stopOther();
  });

  it('counts an entry the browser made itself (a "#section" link) as one step', async () => {
    const history = createBrowserHistory();
    history.push('/a', null);
    history.push('/b', null);
    const onPop = vi.fn();
    const stop = history.listen(onPop);
    window.location.hash = '#details';
    await vi.waitFor(() => expect(onPop).toHaveBeenCalledTimes(1));
    expect(history.index).toBe(3);
    window.history.back();
    await vi.waitFor(() => expect(onPop).toHaveBeenCalledTimes(2));
    expect(onPop.mock.calls).toEqual([[1], [-1]]);
    expect(history.location.pathname).toBe('/b');
    stop();
  });

  it('leaves no popstate listener on the window once nobody listens', () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const history = createBrowserHistory();
    const stopA = history.listen(() => {});
    const stopB = history.listen(() => {});
    stopA();
    expect(remove).not.toHaveBeenCalledWith('popstate', expect.anything());
    stopB();
    const added = add.mock.calls.filter(([type]) => type === 'popstate');
    expect(added).toHaveLength(1);
    expect(remove).toHaveBeenCalledWith('popstate', added[0]![1]);
    add.mockRestore();
    remove.mockRestore();
  });

  it('runs a browser router: navigation writes the URL, Back pops it', async () => {
    const router = createBrowserRouter([page('/', 'Home'), page('/b', 'B')]);
    render(<RouterProvider router={router} />);
    await act(() => router.navigate('/b?x=1'));
    expect(window.location.pathname + window.location.search).toBe('/b?x=1');
    expect(heading().textContent).toBe('B');
    window.history.back();
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeInTheDocument();
    expect(router.state.historyAction).toBe('POP');
    router.dispose();
  });
});
