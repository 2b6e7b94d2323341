import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from '../providers';
import { createQueryClient } from '../query-client';
import { createRouteObjects } from '../router';

function renderAt(path: string) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRouteObjects(queryClient), { initialEntries: [path] });
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe('app routes', () => {
  it('redirects / to /rebate-groups', async () => {
    const router = renderAt('/');
    expect(
      await screen.findByRole('heading', { name: 'Rebate groups', level: 1 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/rebate-groups');
  });

  /** A window `width` px wide, as matchMedia answers min-width queries (jsdom has none). */
  function windowOf(width: number) {
    vi.stubGlobal('matchMedia', (query: string) => {
      const min = /min-width:\s*([\d.]+)px/.exec(query);
      return {
        matches: min ? width >= Number(min[1]) : false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      };
    });
  }
  afterEach(() => vi.unstubAllGlobals());

  it('shows the product name and the navigation beside the page on a wide window', async () => {
    windowOf(1280);
    renderAt('/cashflow-groups');
    expect(await screen.findByText('Partner Dashboard')).toBeInTheDocument();
    const column = screen.getByRole('navigation', { name: 'Main' });
    for (const name of ['Rebate groups', 'Cashflow groups', 'New cashflow group']) {
      expect(column).toContainElement(screen.getByRole('link', { name }));
    }
    expect(screen.getByRole('link', { name: 'Cashflow groups' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.queryByRole('button', { name: 'Open navigation' })).not.toBeInTheDocument();
  });

  it('opens the navigation in a drawer from the menu button on a narrow window', async () => {
    windowOf(390);
    renderAt('/cashflow-groups');
    expect(await screen.findByText('Partner Dashboard')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    // The drawer's code loads on the press: a plain click in an awaited act, where a part that
    // suspends resumes (user-event's synchronous act would leave it suspended).
    await act(async () => {
      screen.getByRole('button', { name: 'Open navigation' }).click();
    });
    const inDrawer = await screen.findByRole('navigation', { name: 'Main' });
    expect(inDrawer).toContainElement(screen.getByRole('link', { name: 'Cashflow groups' }));
  });

  it('shows a not-found page with a way back for unknown paths', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Rebate groups' }).length).toBeGreaterThan(0);
  });
});
