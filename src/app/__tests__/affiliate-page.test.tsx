// The affiliate page's cashflow part: the groups an affiliate is in (read page by page, filtered
// on the client) and bulk membership (combined diff, one confirm, sequential writes that stop at
// the first refusal and never overwrite a group changed since it was read).
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { testQueryClient } from '@/features/cashflow-groups/components/__tests__/render-helpers';
import { ok, refused } from '@/features/cashflow-groups/components/__tests__/test-hasoffers';
import { AffiliateRoute } from '../pages/affiliate';

configure({ asyncUtilTimeout: 5_000 });
// Many clicks and reads per test: slow when the whole suite runs in parallel.
vi.setConfig({ testTimeout: 20_000 });

interface Group {
  id: string;
  name: string;
  modified: string;
  rules: { field: string; operator: string; value: string[]; negate: string }[];
  affiliate_ids: string[];
}

function seed(): Group[] {
  const filler = Array.from({ length: 55 }, (_, i) => ({
    id: String(100 + i),
    name: `Filler ${i}`,
    modified: '1',
    rules: [{ field: 'aff_sub1', operator: 'IN', value: [`f${i}`], negate: '0' }],
    affiliate_ids: ['9'],
  }));
  return [
    {
      id: '1',
      name: 'DACH',
      modified: '1',
      rules: [{ field: 'country', operator: 'IN', value: ['DE'], negate: '0' }],
      affiliate_ids: ['2', '3'],
    },
    { id: '2', name: 'Everyone', modified: '1', rules: [], affiliate_ids: [] },
    {
      id: '3',
      name: 'Spain',
      modified: '1',
      rules: [{ field: 'country', operator: 'IN', value: ['ES'], negate: '0' }],
      affiliate_ids: ['3'],
    },
    {
      id: '4',
      name: 'Italy',
      modified: '1',
      rules: [{ field: 'country', operator: 'IN', value: ['IT'], negate: '0' }],
      affiliate_ids: ['4'],
    },
    ...filler,
  ];
}

let groups = seed();
const calls: { method: string; params: URLSearchParams }[] = [];
let refuseUpdateOf: string | undefined;

const server = setupServer(
  http.all('*/api/hasoffers', async ({ request }) => {
    const url = new URL(request.url);
    const p =
      request.method === 'POST' ? new URLSearchParams(await request.text()) : url.searchParams;
    const method = p.get('Method') ?? '';
    calls.push({ method, params: p });
    switch (`${p.get('Target')}::${method}`) {
      case 'CashflowGroup::findCashflowGroups': {
        const limit = Number(p.get('limit'));
        const page = Number(p.get('page'));
        if (limit > 50) return refused('limit: must be between 1 and 50');
        const rows = groups.slice((page - 1) * limit, page * limit);
        return ok({
          page: String(page),
          pageCount: Math.ceil(groups.length / limit),
          count: groups.length,
          data: Object.fromEntries(
            rows.map((g) => [
              g.id,
              {
                CashflowGroup: { id: g.id, name: g.name, description: '', modified: g.modified },
                rules: g.rules,
                affiliate_ids: g.affiliate_ids,
              },
            ]),
          ),
        });
      }
      case 'CashflowGroup::findCashflowGroupById': {
        const id = p.get('cashflow_group_id') ?? '';
        const g = groups.find((x) => x.id === id);
        if (!g) return ok(null);
        return ok({
          id: g.id,
          name: g.name,
          description: '',
          modified: g.modified,
          rules: g.rules,
          affiliates: g.affiliate_ids.map((a) => ({ id: a, company: `Company ${a}` })),
        });
      }
      case 'CashflowGroup::updateCashflowGroup': {
        const id = p.get('id') ?? '';
        if (id === refuseUpdateOf) return refused('Cashflow group is locked');
        const g = groups.find((x) => x.id === id);
        if (!g) return refused('no such group');
        g.affiliate_ids = JSON.parse(p.get('affiliate_ids_json') ?? '[]') as string[];
        g.modified = String(Number(g.modified) + 1);
        return ok(true);
      }
      case 'Affiliate::findAll': {
        const id = p.getAll('filters[id][]')[0] ?? '';
        return ok({
          page: '1',
          pageCount: 1,
          count: 1,
          data: {
            [id]: { Affiliate: { id, company: 'Acme Media', status: 'active', country: 'DE' } },
          },
        });
      }
      case 'OfferTargeting::findTargetRules':
        return ok([]);
      default:
        return refused(`Unexpected ${method}`);
    }
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  groups = seed();
  calls.length = 0;
  refuseUpdateOf = undefined;
});
afterAll(() => server.close());

function renderPage(id = '3') {
  const router = createMemoryRouter(
    [
      {
        path: '/affiliates/:id',
        element: <AffiliateRoute />,
      },
      { path: '*', element: null },
    ],
    { initialEntries: [`/affiliates/${id}`] },
  );
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const updates = () => calls.filter((c) => c.method === 'updateCashflowGroup');

describe('the affiliate page', () => {
  it('lists the groups naming the affiliate and the all-affiliates groups, in plain words', async () => {
    renderPage('3');
    expect(await screen.findByRole('heading', { name: 'Acme Media (#3)' })).toBeInTheDocument();
    const named = await screen.findByRole('region', { name: /Groups that name .* \(2\)/ });
    expect(within(named).getByRole('link', { name: 'DACH' })).toHaveAttribute(
      'href',
      '/cashflow-groups/1',
    );
    expect(within(named).getByText(/Country is one of Germany \(DE\)/)).toBeInTheDocument();
    expect(within(named).getByRole('link', { name: 'Spain' })).toBeInTheDocument();
    expect(within(named).queryByRole('link', { name: 'Italy' })).toBeNull();
    const forAll = screen.getByRole('region', { name: 'Groups for all affiliates (1)' });
    expect(within(forAll).getByRole('link', { name: 'Everyone' })).toBeInTheDocument();
    // Page by page, one after another, never above 50 with the attachments.
    const finds = calls.filter((c) => c.method === 'findCashflowGroups');
    expect(finds.map((c) => [c.params.get('page'), c.params.get('limit')])).toEqual([
      ['1', '50'],
      ['2', '50'],
    ]);
    expect(finds.every((c) => c.params.get('attach_affiliate_ids') === '1')).toBe(true);
  });
});

async function chooseAndReview(user: ReturnType<typeof userEvent.setup>, names: string[]) {
  const box = await screen.findByRole('group', { name: 'Groups to change' });
  for (const n of names) {
    await user.click(within(box).getByRole('checkbox', { name: new RegExp(`^${n} \\(`) }));
  }
  await user.click(screen.getByRole('button', { name: /Review changes to/ }));
}

describe('bulk membership', () => {
  it('shows the combined diff first, writes only after one confirm, once per group', async () => {
    const user = userEvent.setup();
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0', 'Everyone']);
    const italy = await screen.findByRole('region', { name: 'Changes to Italy' });
    expect(within(italy).getByText(/1 affiliate added/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Changes to Filler 0' })).toBeInTheDocument();
    // Adding to an all-affiliates group would narrow it: refused in the plan, not written.
    expect(
      within(screen.getByRole('list', { name: 'Groups left as they are' })).getByText(
        /Everyone .*applies to all affiliates already/,
      ),
    ).toBeInTheDocument();
    expect(updates()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Save 2 groups' }));
    expect(await screen.findByText(/Done: 2 of 2 saved/)).toBeInTheDocument();
    expect(updates().map((c) => c.params.get('id'))).toEqual(['4', '100']);
    expect(groups.find((g) => g.id === '4')?.affiliate_ids).toEqual(['4', '3']);
    expect(groups.find((g) => g.id === '2')?.affiliate_ids).toEqual([]);
  });

  it('stops at the first refusal and says which groups were not written', async () => {
    const user = userEvent.setup();
    refuseUpdateOf = '4';
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0', 'Filler 1']);
    await user.click(await screen.findByRole('button', { name: 'Save 3 groups' }));
    expect(await screen.findByText(/stopped at a refusal/)).toBeInTheDocument();
    // Groups are planned in the scan's order (by id): 4, 100, 101. The first is refused.
    expect(updates().map((c) => c.params.get('id'))).toEqual(['4']);
    expect(
      within(screen.getByRole('region', { name: 'Changes to Italy' })).getByText(
        /Refused: Cashflow group is locked/,
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Changes to Filler 1' })).getByText(
        'Not attempted: the run ended at a refusal before this group.',
      ),
    ).toBeInTheDocument();
  });

  it('skips a group changed by someone else since the review, and never overwrites it', async () => {
    const user = userEvent.setup();
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0']);
    await screen.findByRole('button', { name: 'Save 2 groups' });
    // Someone else edits Italy after the diff was made.
    const italy = groups.find((g) => g.id === '4');
    if (!italy) throw new Error('seed');
    italy.affiliate_ids = ['4', '7'];
    italy.modified = '9';
    await user.click(screen.getByRole('button', { name: 'Save 2 groups' }));
    expect(await screen.findByText(/1 skipped \(changed meanwhile\)/)).toBeInTheDocument();
    expect(updates().map((c) => c.params.get('id'))).toEqual(['100']);
    expect(italy.affiliate_ids).toEqual(['4', '7']);
    expect(
      within(screen.getByRole('region', { name: 'Changes to Italy' })).getByText(
        /changed by someone else/,
      ),
    ).toBeInTheDocument();
  });

  it('refuses to remove a group’s only affiliate (an empty list would mean all)', async () => {
    const user = userEvent.setup();
    renderPage('3');
    await user.click(await screen.findByRole('radio', { name: 'Remove from groups' }));
    await chooseAndReview(user, ['Spain', 'DACH']);
    expect(await screen.findByRole('region', { name: 'Changes to DACH' })).toBeInTheDocument();
    expect(screen.getByText(/Spain .*only affiliates/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save 1 group' }));
    await screen.findByText(/Done: 1 of 1 saved/);
    expect(groups.find((g) => g.id === '1')?.affiliate_ids).toEqual(['2']);
    expect(groups.find((g) => g.id === '3')?.affiliate_ids).toEqual(['3']);
  });
});
