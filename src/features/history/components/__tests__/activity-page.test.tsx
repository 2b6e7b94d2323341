// The Activity page's view lives in the URL: it is read from it, filters write it (and go back to
// the first page), back/forward restore it, and each view's request carries exactly its filters.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ActivityPage } from '../activity-page';

configure({ asyncUtilTimeout: 5_000 });

const change = (id: number, user: string, groupId: string) => ({
  id,
  groupId,
  kind: 'update',
  user,
  requestedAt: '2026-03-02T10:00:00.000Z',
  state: 'done',
  outcomeAt: '2026-03-02T10:00:01.000Z',
  restoredFrom: null,
  request: null,
  group: { name: `Group ${groupId}`, description: '', rules: [], affiliates: [] },
});

/** Every list request the page made, as query strings. */
const requests: string[] = [];
const server = setupServer(
  http.get('*/api/history', ({ request }) => {
    const url = new URL(request.url);
    requests.push(url.searchParams.toString());
    const user = url.searchParams.get('user');
    const kind = url.searchParams.get('kind');
    const items = [
      { ...change(3, 'carol', '9'), kind: 'bulk-membership' },
      change(2, 'bob', '8'),
      change(1, 'alice', '7'),
    ].filter((c) => (user === null || c.user === user) && (kind === null || c.kind === kind));
    return HttpResponse.json({ items, total: items.length });
  }),
  http.get('*/api/history/users', () => HttpResponse.json({ users: ['alice', 'bob'] })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

function renderPage(url: string) {
  const router = createMemoryRouter(
    [{ path: '/activity', element: <ActivityPage groupHref={(id) => `/cashflow-groups/${id}`} /> }],
    { initialEntries: [url] },
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, user: userEvent.setup() };
}

const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('the Activity page', () => {
  it('reads its filters from the URL and asks for exactly that view', async () => {
    renderPage('/activity?user=alice&group=7&from=2026-03-01&to=2026-03-31&offset=25&other=kept');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(requests.at(-1)).toBe(
      'user=alice&group=7&from=2026-03-01&to=2026-03-31&limit=25&offset=25',
    );
    expect(screen.getByRole('textbox', { name: 'Group id' })).toHaveValue('7');
    expect(screen.getByLabelText('From')).toHaveValue('2026-03-01');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/history/export?user=alice&group=7&from=2026-03-01&to=2026-03-31&format=csv',
    );
  });

  it('ignores invalid parameters instead of sending them', async () => {
    renderPage('/activity?group=abc&from=yesterday&limit=7&kind=bulk');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(requests.at(-1)).toBe('limit=25&offset=0');
  });

  it('writes applied filters to the URL, back to the first page; back/forward restore', async () => {
    const { router, user } = renderPage('/activity?offset=25&other=kept');
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.click(screen.getByRole('combobox', { name: 'User' }));
    await user.click(await screen.findByRole('option', { name: 'bob' }));
    await user.type(screen.getByRole('textbox', { name: 'Group id' }), '8');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(router.state.location.search).toBe('?other=kept&user=bob&group=8'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(requests.at(-1)).toBe('user=bob&group=8&limit=25&offset=0');

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?offset=25&other=kept');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByRole('textbox', { name: 'Group id' })).toHaveValue('');

    await act(() => router.navigate(1));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Group id' })).toHaveValue('8'));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?other=kept'));
  });

  it('names bulk membership changes and filters and exports by kind', async () => {
    const { router, user } = renderPage('/activity');
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[0]).toHaveTextContent('#3 Affiliates added or removed in bulk');
    expect(rows()[1]).toHaveTextContent('#2 Edited');

    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(await screen.findByRole('option', { name: 'Bulk affiliate changes' }));
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=bulk-membership'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(requests.at(-1)).toBe('kind=bulk-membership&limit=25&offset=0');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/history/export?kind=bulk-membership&format=csv',
    );
    expect(screen.getByRole('link', { name: 'Export JSON' })).toHaveAttribute(
      'href',
      '/api/history/export?kind=bulk-membership&format=json',
    );
  });
});
