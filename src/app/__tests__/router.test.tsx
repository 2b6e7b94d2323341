import { act, render, screen, waitFor } from '@testing-library/react';
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

  it('shows the product name and the navigation', async () => {
    renderAt('/cashflow-groups');
    expect(await screen.findByText('Partner Dashboard')).toBeInTheDocument();
    // Which of the column and the menu button shows is CSS's (media queries, which jsdom has
    // not: e2e/shell.spec.ts checks both widths): both are in the document here.
    const column = screen.getByRole('navigation', { name: 'Main' });
    for (const name of ['Rebate groups', 'Cashflow groups', 'New cashflow group']) {
      expect(column).toContainElement(screen.getByRole('link', { name }));
    }
    // The drawer's code loads on the press: a plain click in an awaited act, where a part that
    // suspends resumes (user-event's synchronous act would leave it suspended).
    await act(async () => {
      screen.getByRole('button', { name: 'Open navigation' }).click();
    });
    // The drawer's navigation; the modal drawer hides the rest of the page (the column too) from
    // assistive technology while it is open.
    await waitFor(() =>
      expect(screen.getAllByRole('navigation', { name: 'Main', hidden: true })).toHaveLength(2),
    );
    const inDrawer = screen.getByRole('navigation', { name: 'Main' });
    expect(inDrawer).not.toBe(column);
    expect(inDrawer).toContainElement(screen.getByRole('link', { name: 'Cashflow groups' }));
  });

  it('shows a not-found page with a way back for unknown paths', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Rebate groups' }).length).toBeGreaterThan(0);
  });
});
