// useRebateGroupsView against a real (memory) router: URL in, URL out, offset resets, notices.
import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { useRebateGroupsView, type RebateGroupsViewApi } from '../use-rebate-groups-view';
import { emptyFilters, type View } from '../../model/view';

function setup(url: string, beforeWrite?: (next: View) => void) {
  const api: { current: RebateGroupsViewApi | null } = { current: null };
  function Probe() {
    api.current = useRebateGroupsView(beforeWrite ? { beforeWrite } : {});
    return null;
  }
  const router = createMemoryRouter([{ path: '/rebate-groups', element: <Probe /> }], {
    initialEntries: [url],
  });
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
    const { get, search, router } = setup('/rebate-groups?limit=10&offset=20', (view) =>
      seen.push({ view, searchThen: router.state.location.search }),
    );
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
      get().applySaved({ ...emptyFilters(), group_type: ['AUTO'] }, [
        { field: 'clients_count', direction: 'desc' },
      ]),
    );
    expect(search()).toBe('?group_type=AUTO&ordering=-clients_count');
  });
});
