// Bulk membership on the affiliate page against an msw HasOffers: stopping a run between groups
// (never mid-write), the change kind the writes carry for the history, and the HasOffers calls a
// save costs (the shared budget is 50 calls per 10 s for the whole network).
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deferred } from '@/test/deferred';
import { AffiliateGroups } from '../affiliate-groups';
import { seed, serveMembershipNetwork } from './membership-network';
import { renderRoutes } from './render-helpers';

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

const net = serveMembershipNetwork();

/** The affiliate's groups in a data router, as the app has (the run's leave guard needs one). */
function renderPage(affiliateId = '3') {
  return renderRoutes(
    [
      { path: '/affiliates/:id', element: <AffiliateGroups affiliateId={affiliateId} /> },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    `/affiliates/${affiliateId}`,
  );
}

async function chooseAndReview(user: ReturnType<typeof userEvent.setup>, names: string[]) {
  const box = await screen.findByRole('group', { name: 'Groups to change' });
  for (const n of names) {
    await user.click(within(box).getByRole('checkbox', { name: new RegExp(`^${n} \\(`) }));
  }
  await user.click(screen.getByRole('button', { name: /Review changes to/ }));
}

const updates = () => net.updates();

describe('stopping a bulk run', () => {
  it('finishes the write in flight, then stops before the next group and says which were not attempted', async () => {
    const user = userEvent.setup();
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0', 'Filler 1']);
    const write = deferred<void>();
    net.holdUpdate = write.promise;
    await user.click(await screen.findByRole('button', { name: 'Save 3 groups' }));
    await waitFor(() => expect(updates()).toHaveLength(1));

    // The first write is on its way: stopping must neither abort it nor send it again.
    await user.click(screen.getByRole('button', { name: 'Stop after this group' }));
    expect(screen.getByRole('button', { name: /Stopping after this group/ })).toBeDisabled();
    write.resolve();

    expect(await screen.findByText(/Stopped: 1 of 3 saved, 2 not attempted/)).toBeInTheDocument();
    expect(updates().map((c) => c.params.get('id'))).toEqual(['4']);
    expect(net.groups.find((g) => g.id === '4')?.affiliate_ids).toEqual(['4', '3']);
    expect(net.groups.find((g) => g.id === '100')?.affiliate_ids).toEqual(['9']);
    // Each group's outcome in one sentence (it once read "saved: Saved.").
    expect(
      within(screen.getByRole('region', { name: 'Changes to Italy' })).getByText('Saved.'),
    ).toBeInTheDocument();
    for (const name of ['Filler 0', 'Filler 1']) {
      expect(
        within(screen.getByRole('region', { name: `Changes to ${name}` })).getByText(
          'Not attempted: you stopped the run before this group.',
        ),
      ).toBeInTheDocument();
    }
    // Neither of the not-attempted groups was even read again.
    const reads = net.calls.filter((c) => c.method === 'findCashflowGroupById');
    expect(reads.map((c) => c.params.get('cashflow_group_id'))).toEqual(['4', '100', '101', '4']);
    expect(screen.queryByRole('button', { name: /Stop/ })).toBeNull();
  });
});

describe('the end of a run', () => {
  it('moves keyboard focus to the final status line, as the other outcomes do', async () => {
    const user = userEvent.setup();
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0']);
    await user.click(await screen.findByRole('button', { name: 'Save 2 groups' }));
    const report = await screen.findByText(/Done: 2 of 2 saved/);
    // The Stop button the keyboard was on is gone; focus must not fall back to the page.
    await waitFor(() => expect(report).toHaveFocus());
    expect(report).toHaveAttribute('role', 'status');
  });
});

describe('leaving during a run', () => {
  it('asks first; Stay keeps the run, Stop and leave lets the write in flight land and sends no other', async () => {
    const held = deferred<void>();
    net.holdUpdate = held.promise;
    const user = userEvent.setup();
    const router = renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0']);
    await user.click(await screen.findByRole('button', { name: 'Save 2 groups' }));
    await waitFor(() => expect(updates()).toHaveLength(1));

    void router.navigate('/cashflow-groups');
    const ask = await screen.findByRole('dialog', { name: 'Stop the bulk change and leave?' });
    await user.click(within(ask).getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe('/affiliates/3');
    // (found once the closing dialog has given the page back to assistive technology)
    expect(await screen.findByRole('button', { name: 'Stop after this group' })).toBeEnabled();

    void router.navigate('/cashflow-groups');
    const again = await screen.findByRole('dialog', { name: 'Stop the bulk change and leave?' });
    await user.click(within(again).getByRole('button', { name: 'Stop and leave' }));
    expect(await screen.findByText('Elsewhere')).toBeInTheDocument();
    held.resolve();
    // The write in flight finished; the run stopped there, though nobody is looking.
    await new Promise((r) => setTimeout(r, 300));
    expect(updates()).toHaveLength(1);
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
    net.groups = seed(148);
    const user = userEvent.setup();
    renderPage('3');
    await chooseAndReview(user, ['Italy', 'Filler 0']);
    await screen.findByRole('button', { name: 'Save 2 groups' });
    expect(net.calls.filter((c) => c.method === 'findCashflowGroups')).toHaveLength(3);

    const before = net.calls.length;
    await user.click(screen.getByRole('button', { name: 'Save 2 groups' }));
    await screen.findByText(/Done: 2 of 2 saved/);
    // The page shows the new membership from what was written, not from a re-read of every group.
    const named = await screen.findByRole('region', { name: /Groups that name .* \(3\)/ });
    expect(within(named).getByRole('link', { name: 'Italy' })).toBeInTheDocument();
    // Give any refetch the invalidation started time to go out.
    await new Promise((r) => setTimeout(r, 300));
    const after = net.calls
      .slice(before)
      .map((c) => `${c.method} ${c.params.get('id') ?? ''}`.trim());
    console.info(`bulk save of 2 groups among 150: ${after.length} HasOffers calls`);
    expect(after).toEqual([
      'findCashflowGroupById',
      'updateCashflowGroup 4',
      'findCashflowGroupById',
      'updateCashflowGroup 100',
    ]);
  });
});
