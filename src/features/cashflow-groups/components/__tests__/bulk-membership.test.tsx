// Bulk membership on the affiliate page against an msw HasOffers: stopping a run between groups
// (never mid-write), the change kind the writes carry for the history, and the HasOffers calls a
// save costs (the shared budget is 50 calls per 10 s for the whole network).
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { MemoryRouter } from 'react-router';
import { deferred } from '@/test/deferred';
import { AffiliateGroups } from '../affiliate-groups';
import { testQueryClient } from './render-helpers';
import { ok, refused } from './test-hasoffers';

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

interface Group {
  id: string;
  name: string;
  modified: string;
  rules: { field: string; operator: string; value: string[]; negate: string }[];
  affiliate_ids: string[];
}

/** Italy (#4) and Spain (#3) by country, then `fillers` groups naming affiliate 9 only. */
function seed(fillers: number): Group[] {
  return [
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
    ...Array.from({ length: fillers }, (_, i) => ({
      id: String(100 + i),
      name: `Filler ${i}`,
      modified: '1',
      rules: [{ field: 'aff_sub1', operator: 'IN', value: [`f${i}`], negate: '0' }],
      affiliate_ids: ['9'],
    })),
  ];
}

let groups = seed(3);
const calls: { method: string; params: URLSearchParams; headers: Headers }[] = [];
/** When set, the next update waits for it (the write "on its way"). */
let holdUpdate: Promise<void> | undefined;

const server = setupServer(
  http.all('*/api/hasoffers', async ({ request }) => {
    const url = new URL(request.url);
    const p =
      request.method === 'POST' ? new URLSearchParams(await request.text()) : url.searchParams;
    const method = p.get('Method') ?? '';
    calls.push({ method, params: p, headers: request.headers });
    switch (`${p.get('Target')}::${method}`) {
      case 'CashflowGroup::findCashflowGroups': {
        const limit = Number(p.get('limit'));
        const page = Number(p.get('page'));
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
        const g = groups.find((x) => x.id === p.get('cashflow_group_id'));
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
        const held = holdUpdate;
        holdUpdate = undefined;
        if (held) await held;
        const g = groups.find((x) => x.id === p.get('id'));
        if (!g) return refused('no such group');
        g.affiliate_ids = JSON.parse(p.get('affiliate_ids_json') ?? '[]') as string[];
        g.modified = String(Number(g.modified) + 1);
        return ok(true);
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
  groups = seed(3);
  calls.length = 0;
  holdUpdate = undefined;
});
afterAll(() => server.close());

function renderPage(affiliateId = '3') {
  render(
    <QueryClientProvider client={testQueryClient()}>
      <MemoryRouter>
        <AffiliateGroups affiliateId={affiliateId} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function chooseAndReview(user: ReturnType<typeof userEvent.setup>, names: string[]) {
  const box = await screen.findByRole('group', { name: 'Groups to change' });
  for (const n of names) {
    await user.click(within(box).getByRole('checkbox', { name: new RegExp(`^${n} \\(`) }));
  }
  await user.click(screen.getByRole('button', { name: /Review changes to/ }));
}

const updates = () => calls.filter((c) => c.method === 'updateCashflowGroup');

describe('stopping a bulk run', () => {
  it('finishes the write in flight, then stops before the next group and says which were not attempted', async () => {
    const user = userEvent.setup();
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0', 'Filler 1']);
    const write = deferred<void>();
    holdUpdate = write.promise;
    await user.click(await screen.findByRole('button', { name: 'Save 3 groups' }));
    await waitFor(() => expect(updates()).toHaveLength(1));

    // The first write is on its way: stopping must neither abort it nor send it again.
    await user.click(screen.getByRole('button', { name: 'Stop after this group' }));
    expect(screen.getByRole('button', { name: /Stopping after this group/ })).toBeDisabled();
    write.resolve();

    expect(await screen.findByText(/Stopped: 1 of 3 saved, 2 not attempted/)).toBeInTheDocument();
    expect(updates().map((c) => c.params.get('id'))).toEqual(['4']);
    expect(groups.find((g) => g.id === '4')?.affiliate_ids).toEqual(['4', '3']);
    expect(groups.find((g) => g.id === '100')?.affiliate_ids).toEqual(['9']);
    expect(
      within(screen.getByRole('region', { name: 'Changes to Italy' })).getByText(/saved: Saved/),
    ).toBeInTheDocument();
    for (const name of ['Filler 0', 'Filler 1']) {
      expect(
        within(screen.getByRole('region', { name: `Changes to ${name}` })).getByText(
          /not attempted: Not written: you stopped the run before this group/,
        ),
      ).toBeInTheDocument();
    }
    // Neither of the not-attempted groups was even read again.
    const reads = calls.filter((c) => c.method === 'findCashflowGroupById');
    expect(reads.map((c) => c.params.get('cashflow_group_id'))).toEqual(['4', '100', '101', '4']);
    expect(screen.queryByRole('button', { name: /Stop/ })).toBeNull();
  });
});

describe('the bulk writes in the history', () => {
  it('tell the dashboard server they are a bulk membership change', async () => {
    const user = userEvent.setup();
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0']);
    await user.click(await screen.findByRole('button', { name: 'Save 2 groups' }));
    await screen.findByText(/Done: 2 of 2 saved/);
    expect(updates().map((c) => c.headers.get('x-change-kind'))).toEqual([
      'bulk-membership',
      'bulk-membership',
    ]);
  });
});

describe('HasOffers calls of a bulk save', () => {
  it('writes two groups of 150 with a read and a write each, and reads no group list again', async () => {
    // 150 groups: the scan reads them in 3 pages of 50 (1 000, the most it reads, take 20).
    groups = seed(148);
    const user = userEvent.setup();
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0']);
    await screen.findByRole('button', { name: 'Save 2 groups' });
    expect(calls.filter((c) => c.method === 'findCashflowGroups')).toHaveLength(3);

    const before = calls.length;
    await user.click(screen.getByRole('button', { name: 'Save 2 groups' }));
    await screen.findByText(/Done: 2 of 2 saved/);
    // The page shows the new membership from what was written, not from a re-read of every group.
    const named = await screen.findByRole('region', { name: /Groups that name .* \(3\)/ });
    expect(within(named).getByRole('link', { name: 'Italy' })).toBeInTheDocument();
    // Give any refetch the invalidation started time to go out.
    await new Promise((r) => setTimeout(r, 300));
    const after = calls.slice(before).map((c) => `${c.method} ${c.params.get('id') ?? ''}`.trim());
    console.info(`bulk save of 2 groups among 150: ${after.length} HasOffers calls`);
    expect(after).toEqual([
      'findCashflowGroupById',
      'updateCashflowGroup 4',
      'findCashflowGroupById',
      'updateCashflowGroup 100',
    ]);
  });
});
