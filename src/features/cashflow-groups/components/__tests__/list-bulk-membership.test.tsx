// Bulk membership started from groups ticked on the cashflow list (kept across pages): the dialog
// opens with those groups chosen, saves through the same reviewed, sequential writes, and cannot
// be closed while writes are being sent.
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { deferred } from '@/test/deferred';
import { CashflowGroupsPage } from '../cashflow-groups-page';
import { seed, serveMembershipNetwork } from './membership-network';
import { testQueryClient } from './render-helpers';

configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 30_000 });

const net = serveMembershipNetwork();

function renderList(search = '') {
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
}

describe('bulk membership from the list', () => {
  it('ticks groups on two pages, adds an affiliate to them after one review', async () => {
    const user = userEvent.setup();
    // 14 groups, ten a page: Spain, Italy, Filler 0–7 | Filler 8–11.
    net.groups = seed(12);
    renderList('?sort=id&limit=10');
    const table = await screen.findByRole('table', { name: 'Cashflow groups' });
    await user.click(await within(table).findByRole('checkbox', { name: 'Select Italy' }));
    await user.click(screen.getByRole('button', { name: /next page/i }));
    await user.click(await within(table).findByRole('checkbox', { name: 'Select Filler 10' }));
    expect(screen.getByRole('region', { name: 'Selected groups' })).toHaveTextContent(
      '2 groups selected',
    );

    await user.click(screen.getByRole('button', { name: 'Add or remove affiliates…' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Add or remove affiliates in 2 groups',
    });
    const box = within(dialog).getByRole('group', { name: 'Groups to change' });
    expect(within(box).getByRole('checkbox', { name: /^Italy \(/ })).toBeChecked();
    expect(within(box).getByRole('checkbox', { name: /^Filler 10 \(/ })).toBeChecked();
    await user.type(within(dialog).getByRole('textbox', { name: 'Affiliate IDs' }), '7');
    await user.click(within(dialog).getByRole('button', { name: 'Review changes to 2 groups' }));

    const write = deferred<void>();
    net.holdUpdate = write.promise;
    await user.click(await within(dialog).findByRole('button', { name: 'Save 2 groups' }));
    await waitFor(() => expect(net.updates()).toHaveLength(1));
    // Mid-run the dialog stays: its report is the only place that says what was written.
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    write.resolve();

    expect(await within(dialog).findByText('Done: 2 of 2 saved.')).toBeInTheDocument();
    expect(net.updates().map((c) => c.params.get('id'))).toEqual(['4', '110']);
    expect(net.updates().every((c) => c.headers.get('x-change-kind') === 'bulk-membership')).toBe(
      true,
    );
    expect(net.groups.find((g) => g.id === '4')?.affiliate_ids).toEqual(['4', '7']);
    expect(net.groups.find((g) => g.id === '110')?.affiliate_ids).toEqual(['9', '7']);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers no selection box for a group whose rules cannot be read', async () => {
    net.groups = [
      {
        id: '5',
        name: 'Broken',
        modified: '1',
        rules: [{ field: 'no_such_field', operator: '??', value: [], negate: '0' }],
        affiliate_ids: ['1'],
      },
    ];
    renderList();
    const table = await screen.findByRole('table', { name: 'Cashflow groups' });
    expect(await within(table).findByRole('checkbox', { name: 'Select Broken' })).toBeDisabled();
  });
});
