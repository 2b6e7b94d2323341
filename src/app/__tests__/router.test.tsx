import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from '@/lib/router';
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

  it('shows the product name and the navigation', async () => {
    renderAt('/cashflow-groups');
    expect(await screen.findByText('Partner Dashboard')).toBeInTheDocument();
    // jsdom has no media queries, so the layout is the narrow one: the menu button opens the nav.
    // Its drawer's code loads on the press: a plain click in an awaited act, where a part that
    // suspends resumes (user-event's synchronous act would leave it suspended).
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    await act(async () => {
      screen.getByRole('button', { name: 'Open navigation' }).click();
    });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    for (const name of ['Rebate groups', 'Cashflow groups', 'New cashflow group']) {
      expect(nav).toContainElement(screen.getByRole('link', { name }));
    }
  });

  it('shows a not-found page with a way back for unknown paths', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Rebate groups' }).length).toBeGreaterThan(0);
  });
});
