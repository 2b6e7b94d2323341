// Route preloading: arriving at /rebate-groups starts the list request from the route loader
// (before the page's code has loaded), and main.tsx's session check goes out at once. Counted
// against a stub network in Node: which requests leave, with what body, and no duplicates.
import { http, HttpResponse } from 'msw';
import { listBodyFromSearch } from '@/features/rebate-groups/api/fetchers';
import { setupServer } from 'msw/node';
import { StrictMode } from 'react';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { routes } from '@/config/routes';
import { EMBEDDED_SESSION_ID, preloadSession } from '@/features/auth/preload';
import { sessionQueries } from '@/features/auth/api/queries';
import { createRouteObjects } from '../router';
import { renderInAppProviders } from './render-app';

const LIST = '*/api/exness/api/v2/autorebates/groups/';
const EMPTY_LIST = { data: [], totals: { count: 0, clients: 0 } };
const bodies: unknown[] = [];
let sessionCalls = 0;
let sessionHeld: Promise<void> = Promise.resolve();

const server = setupServer(
  http.get(LIST, ({ request }) => {
    bodies.push(listBodyFromSearch(new URL(request.url).searchParams));
    return HttpResponse.json(EMPTY_LIST);
  }),
  http.get('*/api/session', async () => {
    sessionCalls += 1;
    await sessionHeld;
    return HttpResponse.json({ user: { name: 'alice' }, autoSignIn: false });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  bodies.length = 0;
  sessionCalls = 0;
  sessionHeld = Promise.resolve();
});
afterAll(() => server.close());

// The page's own code never loads here: lazy() is replaced by a component that renders nothing,
// so every request seen comes from the loader.
function routerAt(path: string, queryClient: QueryClient) {
  const stripLazy = (routes: ReturnType<typeof createRouteObjects>): typeof routes =>
    routes.map((r) => {
      const { lazy: _lazy, children, ...rest } = r as typeof r & { lazy?: unknown };
      return {
        ...rest,
        ...(children && { children: stripLazy(children) }),
        ...(_lazy !== undefined && { Component: () => null }),
      } as (typeof routes)[number];
    });
  return createMemoryRouter(stripLazy(createRouteObjects(queryClient)), {
    initialEntries: [path],
  });
}

describe('route preloading', () => {
  it('arriving at /rebate-groups requests the list the URL describes, once', async () => {
    const queryClient = new QueryClient();
    const router = routerAt(
      '/rebate-groups?group_type=AUTO&ordering=group_title&limit=50',
      queryClient,
    );
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      ordering: 'group_title',
      limit: 50,
      offset: 0,
      group_type: ['AUTO'],
    });
    // Changing the filters inside the page is the page's business, not the loader's.
    await router.navigate('/rebate-groups?group_type=DEFAULT');
    await new Promise((r) => setTimeout(r, 20));
    expect(bodies).toHaveLength(1);
  });

  it('other pages do not request the list', async () => {
    const queryClient = new QueryClient();
    routerAt('/cashflow-groups', queryClient);
    await new Promise((r) => setTimeout(r, 20));
    expect(bodies).toHaveLength(0);
  });

  it('preloadSession asks who is signed in, and the guard’s query reuses the answer', async () => {
    const queryClient = new QueryClient();
    preloadSession(queryClient);
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(['session'])).toMatchObject({ user: { name: 'alice' } }),
    );
    expect(sessionCalls).toBe(1);
  });

  /** What the BFF writes into the page for a signed-in browser (server/static-files.ts). */
  function embed(text: string) {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = EMBEDDED_SESSION_ID;
    block.textContent = text;
    document.head.append(block);
  }

  it('a signed-in status embedded in the page is taken at once: no request, and read once', async () => {
    embed(JSON.stringify({ user: { name: 'bob' }, autoSignIn: false }));
    const queryClient = new QueryClient();
    preloadSession(queryClient);
    expect(queryClient.getQueryData(['session'])).toEqual({
      user: { name: 'bob' },
      autoSignIn: false,
    });
    expect(document.getElementById(EMBEDDED_SESSION_ID)).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(sessionCalls).toBe(0);
  });

  it.each([
    ['not JSON', '{"user":'],
    ['not a status', JSON.stringify({ user: 'bob' })],
    ['signed out', JSON.stringify({ user: null, autoSignIn: false })],
  ])('an embedded status that is %s is ignored: the server is asked', async (_, text) => {
    embed(text);
    const queryClient = new QueryClient();
    preloadSession(queryClient);
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(['session'])).toMatchObject({ user: { name: 'alice' } }),
    );
    expect(sessionCalls).toBe(1);
    expect(document.getElementById(EMBEDDED_SESSION_ID)).toBeNull();
  });

  it('a StrictMode remount while the preloaded session is in flight does not ask again', async () => {
    let release!: () => void;
    sessionHeld = new Promise((resolve) => (release = resolve));
    const queryClient = new QueryClient();
    preloadSession(queryClient);
    await vi.waitFor(() => expect(sessionCalls).toBe(1));
    function Who() {
      const { data } = useQuery(sessionQueries.status());
      return <p>{data?.user?.name ?? 'asking'}</p>;
    }
    render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <Who />
        </QueryClientProvider>
      </StrictMode>,
    );
    await screen.findByText('asking');
    release();
    await screen.findByText('alice');
    expect(sessionCalls).toBe(1);
  });
  it('while the list page’s code loads, the route already shows the page’s title', async () => {
    const queryClient = new QueryClient();
    // The page's code never arrives: what shows is the route's own fallback.
    const holdPage = (list: ReturnType<typeof createRouteObjects>): typeof list =>
      list.map((r) => ({
        ...r,
        ...(r.path === routes.rebateGroups && { lazy: () => new Promise<never>(() => {}) }),
        ...(r.children && { children: holdPage(r.children) }),
      })) as typeof list;
    const router = createMemoryRouter(holdPage(createRouteObjects(queryClient)), {
      initialEntries: ['/rebate-groups'],
    });
    renderInAppProviders(<RouterProvider router={router} />, queryClient);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rebate groups' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Your Exness rebate groups')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
