// The list's filters the upstream cannot apply (affiliate, field used, country): in the URL like
// the rest of the view, applied to groups read page by page, and honest when the read was partial.
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { CashflowGroupsPage } from '../cashflow-groups-page';
import { parseListView, writeListView } from '../../model';
import { testQueryClient } from './render-helpers';
import { ok, refused } from './test-hasoffers';

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

const rule = (field: string, value: string) => ({
  field,
  operator: 'IN',
  value: [value],
  negate: '0',
});
const GROUPS = [
  { id: '1', name: 'DACH', rules: [rule('country', 'DE')], affiliate_ids: ['2', '3'] },
  { id: '2', name: 'Everyone', rules: [], affiliate_ids: [] },
  { id: '3', name: 'Spain', rules: [rule('country', 'ES')], affiliate_ids: ['3'] },
  { id: '4', name: 'Italy subs', rules: [rule('aff_sub1', 'it')], affiliate_ids: ['4'] },
];
let claimedCount: number | undefined;
const finds: URLSearchParams[] = [];

const server = setupServer(
  http.all('*/api/hasoffers', ({ request }) => {
    const p = new URL(request.url).searchParams;
    const method = `${p.get('Target')}::${p.get('Method')}`;
    if (method === 'OfferTargeting::findTargetRules') return ok([]);
    if (method !== 'CashflowGroup::findCashflowGroups') return refused(`Unexpected ${method}`);
    finds.push(p);
    const page = Number(p.get('page'));
    const rows = page === 1 ? GROUPS : [];
    return ok({
      page: String(page),
      pageCount: claimedCount ? Math.ceil(claimedCount / 50) : 1,
      count: claimedCount ?? GROUPS.length,
      data: Object.fromEntries(
        rows.map((g) => [
          g.id,
          {
            CashflowGroup: { id: g.id, name: g.name, description: '', modified: '1' },
            rules: g.rules,
            affiliate_ids: g.affiliate_ids,
          },
        ]),
      ),
    });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  claimedCount = undefined;
  finds.length = 0;
});
afterAll(() => server.close());

function renderList(search: string) {
  const router = createMemoryRouter(
    [
      { path: '/cashflow-groups', element: <CashflowGroupsPage /> },
      { path: '*', element: null },
    ],
    { initialEntries: [`/cashflow-groups${search}`] },
  );
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const names = async () => {
  const table = screen.getByRole('table', { name: 'Cashflow groups' });
  await within(table).findAllByRole('link');
  return within(table)
    .getAllByRole('link')
    .map((l) => l.textContent);
};

describe('list filters', () => {
  it('parse and write back aff, field and country, dropping invalid ones with a notice', () => {
    const r = parseListView(new URLSearchParams('aff=3&field=country&country=de&x=1'));
    expect(r.view).toMatchObject({ aff: '3', field: 'country', country: 'DE' });
    expect(writeListView(r.view, new URLSearchParams('x=1')).toString()).toBe(
      'x=1&aff=3&field=country&country=DE',
    );
    const bad = parseListView(new URLSearchParams('aff=abc&field=nope&country=XX'));
    expect(bad.view.aff).toBeUndefined();
    expect(bad.notices).toHaveLength(3);
  });

  it('by affiliate: the groups naming it and the groups for all affiliates', async () => {
    renderList('?aff=3');
    await screen.findByText('DACH');
    expect(await names()).toEqual(['DACH', 'Everyone', 'Spain']);
    expect(
      finds.every((p) => p.get('attach_affiliate_ids') === '1' && p.get('limit') === '50'),
    ).toBe(true);
  });

  it('a country chosen in the select goes into the URL and filters the list', async () => {
    const user = userEvent.setup();
    const router = renderList('?aff=3&sort=-id');
    await screen.findByText('Spain');
    await user.click(screen.getByRole('combobox', { name: 'Country' }));
    await user.click(await screen.findByRole('option', { name: 'Spain (ES)' }));
    expect(router.state.location.search).toBe('?sort=-id&aff=3&country=ES');
    expect(await names()).toEqual(['Spain']);
  });

  it('by field used, sorted by id descending', async () => {
    renderList('?field=country&sort=-id');
    await screen.findByText('Spain');
    expect(await names()).toEqual(['Spain', 'DACH']);
  });

  it('says so when the network has more groups than were read', async () => {
    claimedCount = 5000;
    renderList('?field=aff_sub1');
    expect(await screen.findByText(/Filtered within the first 4 groups/)).toBeInTheDocument();
    expect(await names()).toEqual(['Italy subs']);
  });
});
