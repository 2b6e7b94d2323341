// The details page after a save (issue 26): the edit ended at the bottom of a long page, so the
// "Changes saved" note is brought into view and focused, not left above the fold.
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { cashflowGroupByIdFlat } from '../../../../../fixtures/recorded/hasoffers';
import { CashflowGroupDetailsPage } from '../cashflow-group-details-page';
import { SAVED_STATE_KEY } from '../group-links';
import { testQueryClient } from './render-helpers';
import { testHasOffers } from './test-hasoffers';

configure({ asyncUtilTimeout: 5_000 });

const ho = testHasOffers();
beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => ho.reset());
afterAll(() => ho.server.close());

function renderDetails(state: unknown) {
  ho.override((call) =>
    call.method === 'findCashflowGroupById'
      ? HttpResponse.json(cashflowGroupByIdFlat.json as Record<string, unknown>)
      : undefined,
  );
  const router = createMemoryRouter(
    [{ path: '/cashflow-groups/:id', element: <CashflowGroupDetailsPage /> }],
    { initialEntries: [{ pathname: '/cashflow-groups/7', state }] },
  );
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('the details page after a save', () => {
  it('scrolls to the top and focuses "Changes saved"', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    renderDetails({ [SAVED_STATE_KEY]: true });
    const note = (await screen.findByText(/Changes saved\./)).closest<HTMLElement>(
      '[role="alert"]',
    );
    await waitFor(() => expect(note).toHaveFocus());
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
    scrollTo.mockRestore();
  });

  it('leaves focus and scroll alone on a plain visit', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    renderDetails(null);
    expect(await screen.findByRole('heading', { name: 'DE mobile' })).toBeInTheDocument();
    expect(screen.queryByText(/Changes saved/)).toBeNull();
    expect(scrollTo).not.toHaveBeenCalled();
    scrollTo.mockRestore();
  });
});
