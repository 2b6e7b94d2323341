import { act, screen } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { stubWindowWidth } from '@/test/window-width';
import { createQueryClient } from '../query-client';
import { createRouteObjects } from '../router';
import { renderInAppProviders } from './render-app';

function renderAt(path: string) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRouteObjects(queryClient), { initialEntries: [path] });
  renderInAppProviders(<RouterProvider router={router} />, queryClient);
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

  afterEach(() => vi.unstubAllGlobals());

  it('shows the product name and the navigation beside the page on a wide window', async () => {
    stubWindowWidth(1280);
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
    stubWindowWidth(390);
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
