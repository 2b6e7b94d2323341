// The page with MSW standing in for the BFF: request body, rows, totals, states.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { listBodyFromSearch, REBATE_GROUPS_LIST_URL, type ListBody } from '../../api/fetchers';
import type { RebateGroup } from '../../api/schemas';
import { formatDateTime } from '../../model/format';
import { ExportStatus, GroupDetailsDrawer, SavedViewsPanel } from '../lazy-parts';
import { RebateGroupsPage } from '../rebate-groups-page';

const group = (id: number, over: Partial<RebateGroup> = {}): RebateGroup => ({
  id,
  partner_uid: 'p-1',
  group_title: `Group ${id}`,
  group_type: id % 2 ? 'AUTO' : 'MANUAL',
  clients_count: id * 10,
  rebate_percent: 12.5,
  created: '2026-03-01T10:00:00Z',
  is_default: id === 1,
  rebate_size: { min: 0, max: 60 },
  rebate_period: 'MONTHLY',
  rebate_period_value: 1,
  rebate_period_start: '2026-11-01',
  rebate_period_end: '2026-11-30',
  link_code: `code-${id}`,
  ...over,
});

const bodies: ListBody[] = [];
type Answer = (body: ListBody) => Response | Promise<Response>;
const threeGroups: Answer = (body) =>
  HttpResponse.json({
    data: Array.from({ length: Math.min(body.limit, 3) }, (_, i) => group(body.offset + i + 1)),
    totals: { count: 3, clients: 60 },
  });
let answer: Answer = threeGroups;

const server = setupServer(
  http.get(REBATE_GROUPS_LIST_URL, ({ request }) => {
    const body = listBodyFromSearch(new URL(request.url).searchParams);
    bodies.push(body);
    return answer(body);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The drawer, export and saved views come apart from the page (lazy-parts.ts); the browser
// fetches each when its control is hovered, focused or touched. Here they are loaded first:
// user-event's events run in a synchronous act, where a part that suspends never resumes.
// Loading them on demand is e2e/rebate-groups.spec.ts's (a real browser), and the fallback's
// src/components/__tests__/on-demand.test.tsx's.
beforeAll(() =>
  Promise.all([GroupDetailsDrawer, ExportStatus, SavedViewsPanel].map((part) => part.preload())),
);
afterEach(() => {
  server.resetHandlers();
  bodies.length = 0;
  answer = threeGroups;
  window.localStorage.clear();
});
afterAll(() => server.close());

/** `staleTime`: the app's client keeps answers fresh for 30 s (src/app/query-client.ts). */
function renderPage(url = '/rebate-groups', { staleTime = 0 } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime } } });
  const router = createMemoryRouter([{ path: '/rebate-groups', element: <RebateGroupsPage /> }], {
    initialEntries: [url],
  });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, user: userEvent.setup() };
}

describe('RebateGroupsPage', () => {
  it('sends the view as the body and shows rows, badge, totals and pager', async () => {
    renderPage('/rebate-groups?group_type=AUTO&ordering=group_title&limit=10');
    const table = await screen.findByRole('table', { name: 'Rebate groups' });
    await within(table).findByText('Group 1');
    expect(bodies[0]).toEqual({
      ordering: 'group_title',
      limit: 10,
      offset: 0,
      group_type: ['AUTO'],
    });
    expect(within(table).getByText('Default')).toBeInTheDocument();
    expect(within(table).getAllByText('0–60 %')).toHaveLength(3);
    expect(screen.getByRole('status', { name: 'Totals' })).toHaveTextContent(
      '3 groups · 60 clients',
    );
    expect(screen.getByText('1–3 of 3')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Title' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('opens the details drawer from a row with Enter', async () => {
    const { user } = renderPage();
    const cell = await screen.findByText('Group 2');
    cell.closest('tr')?.focus();
    await user.keyboard('{Enter}');
    const drawer = await screen.findByRole('dialog', { name: 'Group 2' });
    expect(within(drawer).getByText('p-1')).toBeInTheDocument();
    expect(
      within(drawer).getByRole('button', { name: 'Copy link code code-2' }),
    ).toBeInTheDocument();
  });

  it('shows the exact creation time on hovering a date, and describes the date with it', async () => {
    const { user } = renderPage();
    const table = await screen.findByRole('table', { name: 'Rebate groups' });
    await within(table).findByText('Group 1');
    // No tooltip is shown before the pointer gets there.
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    const dates = table.querySelectorAll('time');
    expect(dates).toHaveLength(3);
    await user.hover(dates[1]!);
    const tip = await screen.findByRole('tooltip');
    expect(tip).toHaveTextContent(formatDateTime('2026-03-01T10:00:00Z'));
    expect(dates[1]).toHaveAccessibleDescription(formatDateTime('2026-03-01T10:00:00Z'));
    await user.unhover(dates[1]!);
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
    // MUI's Tooltip (describeChild) leaves the same words as the date's title while closed.
    expect(dates[1]).toHaveAccessibleDescription(formatDateTime('2026-03-01T10:00:00Z'));
    // Back again, shown again.
    await user.hover(dates[1]!);
    expect(await screen.findByRole('tooltip')).toBeInTheDocument();
  });

  it('tells "no groups yet" from "no match"', async () => {
    answer = () => HttpResponse.json({ data: [], totals: { count: 0, clients: 0 } });
    renderPage();
    expect(await screen.findByText('No rebate groups yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('offers to clear filters when nothing matches', async () => {
    answer = () => HttpResponse.json({ data: [], totals: { count: 0, clients: 0 } });
    const { router, user } = renderPage('/rebate-groups?link_code=nope');
    expect(await screen.findByText('No groups match these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows the API’s message and a Retry for an upstream error', async () => {
    answer = () =>
      HttpResponse.json(
        { code: 'UpstreamTimeout', message: 'Exness took too long.' },
        { status: 504 },
      );
    renderPage();
    expect(await screen.findByText('Exness took too long.')).toBeInTheDocument();
    answer = () => HttpResponse.json({ data: [group(9)], totals: { count: 1, clients: 90 } });
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Group 9')).toBeInTheDocument();
  });

  it('says it is still waiting after 5 s of no answer, and offers Cancel and Retry', async () => {
    // A list request that never answers (a hung upstream behind a proxy with no timeout).
    answer = () => new Promise<Response>(() => {});
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    try {
      renderPage();
      await waitFor(() => expect(bodies).toHaveLength(1));
      act(() => vi.advanceTimersByTime(4_000));
      expect(screen.queryByText(/Still waiting for Exness/)).not.toBeInTheDocument();
      act(() => vi.advanceTimersByTime(1_500));
      expect(await screen.findByText(/Still waiting for Exness/)).toBeInTheDocument();

      // Cancel: no more skeleton rows, a word that nothing is loading, and a way back.
      await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(await screen.findByText('Stopped waiting for the rebate groups.')).toBeInTheDocument();
      expect(screen.queryByText(/Still waiting for Exness/)).not.toBeInTheDocument();
      expect(screen.queryByRole('table', { name: 'Rebate groups' })).not.toBeInTheDocument();

      answer = threeGroups;
      await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
      expect(await screen.findByText('Group 1')).toBeInTheDocument();
      expect(screen.queryByText(/Stopped waiting/)).not.toBeInTheDocument();
      expect(bodies).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks again when Retry is pressed while still waiting', async () => {
    answer = () => new Promise<Response>(() => {});
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    try {
      renderPage();
      await waitFor(() => expect(bodies).toHaveLength(1));
      act(() => vi.advanceTimersByTime(5_500));
      const notice = await screen.findByText(/Still waiting for Exness/);
      answer = threeGroups;
      await userEvent.click(
        within(notice.closest('[role="status"]') as HTMLElement).getByRole('button', {
          name: 'Retry',
        }),
      );
      expect(await screen.findByText('Group 1')).toBeInTheDocument();
      expect(screen.queryByText(/Still waiting for Exness/)).not.toBeInTheDocument();
      expect(bodies).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  // Two menus and a dialog in jsdom: over the default 5 s on a loaded machine.
  it(
    'a saved view restores the page size and the columns, not only filters and sort',
    { timeout: 30_000 },
    async () => {
      const { router, user } = renderPage('/rebate-groups?group_type=AUTO&limit=10');
      const table = await screen.findByRole('table', { name: 'Rebate groups' });
      await within(table).findByText('Group 1');
      // Hide the Link code column, then save the view.
      await user.click(await screen.findByRole('button', { name: 'Columns' }));
      await user.click(await screen.findByRole('menuitemcheckbox', { name: /Link code/ }));
      await user.keyboard('{Escape}');
      expect(
        within(table).queryByRole('columnheader', { name: /Link code/ }),
      ).not.toBeInTheDocument();
      await user.click(await screen.findByRole('button', { name: 'Saved views' }));
      await user.click(await screen.findByRole('button', { name: 'Save current view…' }));
      await user.type(screen.getByRole('textbox', { name: 'View name' }), 'Mine');
      await user.click(screen.getByRole('button', { name: 'Save' }));

      // Somewhere else: another page size, every column shown.
      await user.click(await screen.findByRole('button', { name: 'Columns' }));
      await user.click(await screen.findByRole('menuitemcheckbox', { name: /Link code/ }));
      await user.keyboard('{Escape}');
      await act(() => router.navigate('/rebate-groups?limit=50'));
      await waitFor(() =>
        expect(within(table).getByRole('columnheader', { name: /Link code/ })).toBeInTheDocument(),
      );

      await user.click(await screen.findByRole('button', { name: 'Saved views' }));
      await user.click(await screen.findByRole('button', { name: /^Mine/ }));
      await waitFor(() => expect(router.state.location.search).toBe('?group_type=AUTO&limit=10'));
      await waitFor(() =>
        expect(
          within(screen.getByRole('table', { name: 'Rebate groups' })).queryByRole('columnheader', {
            name: /Link code/,
          }),
        ).not.toBeInTheDocument(),
      );
    },
  );

  it('goes to the top of the table on a page change made down at the pager', async () => {
    answer = (body) =>
      HttpResponse.json({
        data: Array.from({ length: body.limit }, (_, i) => group(body.offset + i + 1)),
        totals: { count: 100, clients: 60 },
      });
    const { user } = renderPage('/rebate-groups?limit=25');
    const table = await screen.findByRole('table', { name: 'Rebate groups' });
    await within(table).findByText('Group 1');
    // jsdom lays nothing out: the table's top is placed above the viewport, as after scrolling
    // down to the pager, and scrolling is recorded.
    const scrolled: Element[] = [];
    const rect = vi
      .spyOn(Element.prototype, 'getBoundingClientRect')
      .mockReturnValue(DOMRect.fromRect({ x: 0, y: -1200, width: 800, height: 1400 }));
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      await user.click(screen.getByRole('button', { name: 'Go to next page' }));
      await within(table).findByText('Group 26');
      // Once, to the box that holds the table and its toolbar (sort, totals, columns).
      expect(scrolled).toHaveLength(1);
      expect(scrolled[0]).toContainElement(table);
      expect(scrolled[0]).toContainElement(screen.getByRole('status', { name: 'Totals' }));
    } finally {
      rect.mockRestore();
      // jsdom has no scrollIntoView of its own.
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('says rebate groups are not available on 403', async () => {
    answer = () =>
      HttpResponse.json(
        { code: 'PermissionDenied', message: 'You do not have permission.' },
        { status: 403 },
      );
    renderPage();
    expect(
      await screen.findByText('Rebate groups are not available for this partner account'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('leaving the list while it loads and coming back asks once, in StrictMode too', async () => {
    // A query that read its AbortSignal would be cancelled on leaving and asked again on return
    // (and, in development, on StrictMode's remount): two requests, two retry chains.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    answer = async (body) => {
      await held;
      return threeGroups(body);
    };
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter(
      [
        { path: '/rebate-groups', element: <RebateGroupsPage /> },
        { path: '/elsewhere', element: <p>Elsewhere</p> },
      ],
      { initialEntries: ['/rebate-groups'] },
    );
    render(
      <StrictMode>
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(bodies).toHaveLength(1));
    await router.navigate('/elsewhere');
    await screen.findByText('Elsewhere');
    await router.navigate('/rebate-groups');
    // Back on the list, still waiting for the first answer.
    await screen.findByRole('heading', { name: 'Rebate groups' });
    release();
    const table = await screen.findByRole('table', { name: 'Rebate groups' });
    await within(table).findByText('Group 1');
    expect(bodies).toHaveLength(1);
  });

  it('holds a sort for its rows, briefly; a slow answer then shows the old rows with a loading bar', async () => {
    const { router } = renderPage();
    const table = await screen.findByRole('table', { name: 'Rebate groups' });
    await within(table).findByText('Group 1');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    answer = async () => {
      await held;
      return HttpResponse.json({ data: [group(7)], totals: { count: 1, clients: 70 } });
    };
    const clients = () => within(table).getByRole('columnheader', { name: 'Clients' });
    const sortBefore = clients().getAttribute('aria-sort');
    const loading = () => screen.queryByRole('progressbar', { name: 'Loading rebate groups' });
    fireEvent.click(within(clients()).getByRole('button'));
    // Held: the URL, the header and the rows are as they were, and no loading bar flashes.
    expect(router.state.location.search).toBe('');
    expect(clients().getAttribute('aria-sort')).toBe(sortBefore);
    expect(loading()).toBeNull();
    // The answer is slow: the change shows anyway, over the old rows, with the loading bar.
    expect(
      await screen.findByRole('progressbar', { name: 'Loading rebate groups' }),
    ).toBeInTheDocument();
    expect(router.state.location.search).toMatch(/^\?ordering=-?clients_count$/);
    expect(clients().getAttribute('aria-sort')).not.toBe(sortBefore);
    expect(within(table).getByText('Group 1')).toBeInTheDocument();
    release();
    expect(await within(table).findByText('Group 7')).toBeInTheDocument();
    expect(loading()).toBeNull();
    expect(bodies).toHaveLength(2);
  });

  it('asks for the next page once a page is shown, so "next" needs no request', async () => {
    answer = (body) =>
      HttpResponse.json({
        data: Array.from({ length: body.limit }, (_, i) => group(body.offset + i + 1)),
        totals: { count: 60, clients: 600 },
      });
    const { user, router } = renderPage('/rebate-groups?limit=10', { staleTime: 30_000 });
    const table = await screen.findByRole('table', { name: 'Rebate groups' });
    await within(table).findByText('Group 1');
    await waitFor(() => expect(bodies.map((b) => b.offset)).toEqual([0, 10]));
    await user.click(screen.getByRole('button', { name: 'Go to next page' }));
    expect(await within(table).findByText('Group 11')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?limit=10&offset=10');
    // Page 2 came from the cache; page 3 is the one asked for now.
    await waitFor(() => expect(bodies.map((b) => b.offset)).toEqual([0, 10, 20]));
  });

  it('asks for a filter’s rows on the tick, so closing the menu shows them without a request', async () => {
    answer = (body) =>
      HttpResponse.json({
        data: [group(body.group_type?.includes('MANUAL') ? 42 : 1)],
        totals: { count: 1, clients: 10 },
      });
    const { user, router } = renderPage('/rebate-groups', { staleTime: 30_000 });
    const table = await screen.findByRole('table', { name: 'Rebate groups' });
    await within(table).findByText('Group 1');
    await user.click(screen.getByRole('combobox', { name: /^Type/ }));
    await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Manual' }));
    // Asked while the menu is still open; nothing on screen or in the URL has changed yet.
    await waitFor(() => expect(bodies.at(-1)).toMatchObject({ group_type: ['MANUAL'], offset: 0 }));
    expect(bodies).toHaveLength(2);
    expect(router.state.location.search).toBe('');
    expect(within(table).getByText('Group 1')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(await within(table).findByText('Group 42')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?group_type=MANUAL');
    expect(bodies).toHaveLength(2);
  });

  it('asks for a sort’s rows when its header is pressed, so the click shows them without a request', async () => {
    const { router } = renderPage('/rebate-groups', { staleTime: 30_000 });
    const table = await screen.findByRole('table', { name: 'Rebate groups' });
    await within(table).findByText('Group 1');
    const clients = within(within(table).getByRole('columnheader', { name: 'Clients' })).getByRole(
      'button',
    );
    // jsdom has no PointerEvent: a pointer event with its button, as a browser sends it.
    const press = (button: number) =>
      fireEvent(clients, new MouseEvent('pointerdown', { bubbles: true, button }));
    press(0);
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ ordering: 'clients_count', offset: 0 });
    // Pressed, not yet clicked: nothing on screen or in the URL has changed.
    expect(router.state.location.search).toBe('');
    fireEvent.click(clients);
    await waitFor(() => expect(router.state.location.search).toBe('?ordering=clients_count'));
    expect(bodies).toHaveLength(2);
    // A press with another button (a context menu) asks for nothing.
    press(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(bodies).toHaveLength(2);
  });
});
