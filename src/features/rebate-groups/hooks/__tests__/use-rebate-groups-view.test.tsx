// useRebateGroupsView against a real (memory) router: URL in, URL out, offset resets, notices.
import { act, render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import {
  HOLD_FOR_ROWS_MS,
  useRebateGroupsView,
  type RebateGroupsViewApi,
  type RebateGroupsViewOptions,
} from '../use-rebate-groups-view';
import { emptyFilters, type View } from '../../model/view';

function setup(url: string, beforeWrite?: RebateGroupsViewOptions['beforeWrite']) {
  const api: { current: RebateGroupsViewApi | null } = { current: null };
  function Probe() {
    api.current = useRebateGroupsView(beforeWrite ? { beforeWrite } : {});
    return null;
  }
  const router = createMemoryRouter(
    [
      { path: '/rebate-groups', element: <Probe /> },
      { path: '/elsewhere', element: null },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  const search = () => router.state.location.search;
  const get = () => {
    if (!api.current) throw new Error('not rendered');
    return api.current;
  };
  return { router, search, get };
}

describe('useRebateGroupsView', () => {
  it('tells beforeWrite the view about to be shown, as the URL will read back, before the URL changes', () => {
    const seen: { view: View; searchThen: string }[] = [];
    const { get, search, router } = setup('/rebate-groups?limit=10&offset=20', (view) => {
      seen.push({ view, searchThen: router.state.location.search });
    });
    act(() => get().setOrdering([{ field: 'clients_count', direction: 'desc' }]));
    expect(seen).toEqual([
      {
        view: {
          filters: emptyFilters(),
          ordering: [{ field: 'clients_count', direction: 'desc' }],
          limit: 10,
          offset: 0,
        },
        searchThen: '?limit=10&offset=20',
      },
    ]);
    expect(search()).toBe('?ordering=-clients_count&limit=10');
    expect(get().view).toEqual(seen[0]!.view);
  });

  it('keeps what a change left alone: same filters, ordering and setters after a page change', () => {
    const { get, search } = setup('/rebate-groups?group_type=MANUAL&ordering=group_title&limit=10');
    const before = get();
    act(() => before.setOffset(10));
    expect(search()).toBe('?group_type=MANUAL&ordering=group_title&limit=10&offset=10');
    const after = get();
    expect(after.view).not.toBe(before.view);
    expect(after.view.offset).toBe(10);
    expect(after.view.filters).toBe(before.view.filters);
    expect(after.view.ordering).toBe(before.view.ordering);
    for (const setter of [
      'setFilters',
      'setOrdering',
      'setLimit',
      'setOffset',
      'applySaved',
    ] as const) {
      expect(after[setter]).toBe(before[setter]);
    }
    // A stable setter still acts on the current view, not the one it was created with.
    act(() => before.setLimit(50));
    expect(search()).toBe('?group_type=MANUAL&ordering=group_title&limit=50');
    act(() => get().setFilters(emptyFilters()));
    expect(get().view.ordering).toBe(before.view.ordering);
    expect(get().view.filters).not.toBe(before.view.filters);
  });

  it('tells the view a filter or sort change would show, without writing it', () => {
    const { get, search } = setup('/rebate-groups?ordering=group_title&limit=10&offset=20&utm=x');
    const filters = { ...emptyFilters(), group_type: ['AUTO' as const] };
    expect(get().viewWith({ filters })).toEqual({
      filters,
      ordering: [{ field: 'group_title', direction: 'asc' }],
      limit: 10,
      offset: 0,
    });
    expect(search()).toBe('?ordering=group_title&limit=10&offset=20&utm=x');
    // And it is the view setFilters then shows.
    const previewed = get().viewWith({ filters });
    act(() => get().setFilters(filters));
    expect(get().view).toEqual(previewed);
    const ordering = [{ field: 'clients_count' as const, direction: 'desc' as const }];
    const sorted = get().viewWith({ ordering });
    expect(sorted).toEqual({ ...previewed, ordering });
    act(() => get().setOrdering(ordering));
    expect(get().view).toEqual(sorted);
  });

  it('reads the view from the URL', () => {
    const { get } = setup('/rebate-groups?group_type=MANUAL&limit=50&offset=100');
    expect(get().view).toMatchObject({
      filters: { group_type: ['MANUAL'] },
      limit: 50,
      offset: 100,
    });
    expect(get().notices).toEqual([]);
  });

  it('resets the offset when filters, sort or page size change, keeping unknown params', () => {
    const { get, search } = setup('/rebate-groups?tab=x&limit=10&offset=30');
    act(() => get().setFilters({ ...emptyFilters(), link_code: ['vip'] }));
    expect(search()).toBe('?tab=x&link_code=vip&limit=10');
    act(() => get().setOffset(20));
    expect(search()).toBe('?tab=x&link_code=vip&limit=10&offset=20');
    act(() => get().setOrdering([{ field: 'group_title', direction: 'asc' }]));
    expect(search()).toBe('?tab=x&link_code=vip&ordering=group_title&limit=10');
    act(() => get().setOffset(20));
    act(() => get().setLimit(25));
    expect(search()).toBe('?tab=x&link_code=vip&ordering=group_title');
  });

  it('pushes history entries, so Back restores the previous view', async () => {
    const { get, router } = setup('/rebate-groups');
    act(() => get().setOffset(25));
    act(() => get().setOffset(50));
    expect(get().view.offset).toBe(50);
    await act(() => router.navigate(-1));
    expect(get().view.offset).toBe(25);
  });

  it('rewrites an invalid URL in place and keeps the notices on screen', () => {
    const { get, search, router } = setup('/rebate-groups?limit=7000&ordering=nope&x=1');
    expect(search()).toBe('?x=1&limit=100');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(get().view.limit).toBe(100);
    expect(get().notices).toHaveLength(2);
    act(() => get().dismissNotices());
    expect(get().notices).toEqual([]);
    expect(search()).toBe('?x=1&limit=100');
  });

  it('moves an offset past the end to the last page, replacing the entry', () => {
    const { get, search, router } = setup('/rebate-groups?offset=500');
    act(() => get().clampToTotal(248));
    expect(search()).toBe('?offset=225');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(get().notices[0]).toMatch(/last page/);
    act(() => get().clampToTotal(248)); // in range now: nothing
    expect(search()).toBe('?offset=225');
  });

  it('applies a saved view from the first page', () => {
    const { get, search } = setup('/rebate-groups?offset=75&limit=25');
    act(() =>
      get().applySaved({
        filters: { ...emptyFilters(), group_type: ['AUTO'] },
        ordering: [{ field: 'clients_count', direction: 'desc' }],
      }),
    );
    expect(search()).toBe('?group_type=AUTO&ordering=-clients_count');
  });

  it('applies a saved view’s page size, and keeps the current one for a view saved without', () => {
    const { get, search } = setup('/rebate-groups?offset=100&limit=50');
    const ordering = [{ field: 'group_title', direction: 'asc' }] as const;
    act(() => get().applySaved({ filters: emptyFilters(), ordering: [...ordering], limit: 10 }));
    expect(search()).toBe('?ordering=group_title&limit=10');
    act(() => get().applySaved({ filters: emptyFilters(), ordering: [...ordering] }));
    expect(search()).toBe('?ordering=group_title&limit=10');
  });

  describe('holding a change for its rows', () => {
    /** beforeWrite answers with a promise per change, settled by the test. */
    function holding(url = '/rebate-groups') {
      const waits: { view: View; resolve: () => void; reject: () => void }[] = [];
      const t = setup(url, (view) => {
        return new Promise<void>((resolve, reject) => {
          waits.push({ view, resolve: () => resolve(), reject: () => reject(new Error('failed')) });
        });
      });
      return { ...t, waits };
    }
    const byClients = [{ field: 'clients_count', direction: 'desc' }] as const;

    afterEach(() => vi.useRealTimers());

    it('changes the URL once the rows are in, with one history entry', async () => {
      const { get, search, router, waits } = holding('/rebate-groups?offset=50');
      act(() => get().setOrdering([...byClients]));
      expect(search()).toBe('?offset=50');
      expect(get().view.offset).toBe(50);
      await act(async () => waits[0]!.resolve());
      expect(search()).toBe('?ordering=-clients_count');
      expect(router.state.historyAction).toBe('PUSH');
      await act(() => router.navigate(-1));
      expect(search()).toBe('?offset=50');
    });

    it(`shows the change after ${HOLD_FOR_ROWS_MS} ms when the rows are slow, and only once`, async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { get, search, router, waits } = holding();
      act(() => get().setOffset(25));
      act(() => vi.advanceTimersByTime(HOLD_FOR_ROWS_MS - 1));
      expect(search()).toBe('');
      act(() => vi.advanceTimersByTime(1));
      expect(search()).toBe('?offset=25');
      const key = router.state.location.key;
      await act(async () => waits[0]!.resolve());
      expect(router.state.location.key).toBe(key);
    });

    it('shows the change when the request fails (the page shows the error)', async () => {
      const { get, search, waits } = holding();
      act(() => get().setLimit(50));
      await act(async () => waits[0]!.reject());
      expect(search()).toBe('?limit=50');
    });

    it('builds a second change on the held one, and the first one’s answer no longer counts', async () => {
      const { get, search, waits } = holding();
      act(() => get().setOrdering([...byClients]));
      act(() => get().setOffset(25));
      expect(waits.map((w) => w.view.ordering)).toEqual([byClients, byClients]);
      await act(async () => waits[0]!.resolve());
      expect(search()).toBe('');
      await act(async () => waits[1]!.resolve());
      expect(search()).toBe('?ordering=-clients_count&offset=25');
    });

    it('drops a held change when the URL moves under it (Back, a link)', async () => {
      const { get, search, router, waits } = holding();
      act(() => get().setOffset(25));
      await act(() => router.navigate('/rebate-groups?limit=50'));
      await act(async () => waits[0]!.resolve());
      expect(search()).toBe('?limit=50');
      // The next change builds on what the URL says now.
      act(() => get().setOffset(50));
      await act(async () => waits[1]!.resolve());
      expect(search()).toBe('?limit=50&offset=50');
    });

    it('drops a held change when the page is left: it never navigates back to the list', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { get, router, waits } = holding();
      act(() => get().setOffset(25));
      await act(() => router.navigate('/elsewhere'));
      await act(async () => waits[0]!.resolve());
      act(() => vi.advanceTimersByTime(HOLD_FOR_ROWS_MS));
      expect(router.state.location).toMatchObject({ pathname: '/elsewhere', search: '' });
      expect(router.state.historyAction).toBe('PUSH');
      await act(() => router.navigate(-1));
      expect(router.state.location).toMatchObject({ pathname: '/rebate-groups', search: '' });
    });

    it('leaves an out-of-range offset to the held change’s own answer', async () => {
      const { get, search, waits } = holding('/rebate-groups?offset=500');
      act(() => get().setLimit(50));
      act(() => get().clampToTotal(10));
      expect(search()).toBe('?offset=500');
      await act(async () => waits[0]!.resolve());
      expect(search()).toBe('?limit=50');
    });
  });
});
