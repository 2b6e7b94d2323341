// Issue 24: which offers and goals use a group, on the details page and in the confirmation before
// a save (edit or restore), from findCashflowGroupUsage behind msw — and never blocking either.
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { FormProvider, useForm } from 'react-hook-form';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { cashflowGroupByIdFlat } from '../../../../../fixtures/recorded/hasoffers';
import type { GroupForm } from '../../model';
import { diffGroups } from '../../model';
import { CashflowGroupDetailsPage } from '../cashflow-group-details-page';
import { ConfirmRemovalDialog } from '../save-outcome';
import { ReviewStep } from '../review-step';
import { WizardModeContext } from '../wizard-mode';
import { testQueryClient } from './render-helpers';
import { ok, refused, testHasOffers } from './test-hasoffers';

configure({ asyncUtilTimeout: 5_000 });

const ho = testHasOffers();
beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => ho.reset());
afterAll(() => ho.server.close());

const USED = {
  offers: [
    { id: '101', name: 'Forex starter CPA', status: 'active', uses: 'revenue' },
    { id: '102', name: 'Crypto deposit RevShare', status: 'active', uses: 'payout' },
  ],
  goals: [{ id: '501', name: 'First deposit', offer_id: '101', status: 'active', uses: 'payout' }],
};

function answerUsage(answer: () => Response) {
  ho.override((call) => {
    if (call.method === 'findCashflowGroupById') {
      return HttpResponse.json(cashflowGroupByIdFlat.json as Record<string, unknown>);
    }
    return call.method === 'findCashflowGroupUsage' ? answer() : undefined;
  });
}

function renderDetails() {
  const router = createMemoryRouter(
    [{ path: '/cashflow-groups/:id', element: <CashflowGroupDetailsPage /> }],
    { initialEntries: ['/cashflow-groups/7'] },
  );
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

async function usageSection() {
  return screen.findByRole('region', { name: 'Used by offers and goals' });
}

describe('the details page: who uses the group', () => {
  it('lists the active offers and goals with names and ids, asking for this group', async () => {
    answerUsage(() => ok(USED));
    renderDetails();
    const section = await usageSection();
    const offers = await within(section).findByRole('list', { name: 'Offers using this group' });
    expect(
      within(offers)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Forex starter CPA (#101) — revenue', 'Crypto deposit RevShare (#102) — payout']);
    const goals = within(section).getByRole('list', { name: 'Goals using this group' });
    expect(within(goals).getByRole('listitem')).toHaveTextContent(
      'First deposit (#501) of offer #101 — payout',
    );
    expect(section).toHaveTextContent('Used by 2 active offers and 1 active goal.');
    const usageCalls = ho.calls.filter((c) => c.method === 'findCashflowGroupUsage');
    expect(usageCalls).toHaveLength(1);
    expect([...usageCalls[0]!.params.keys()]).toEqual(['Target', 'Method', 'cashflow_group_id']);
  });

  it('says that none uses it', async () => {
    answerUsage(() => ok([]));
    renderDetails();
    expect(
      await within(await usageSection()).findByText('No active offer or goal uses this group.'),
    ).toBeInTheDocument();
  });

  it('says it could not tell for an answer it cannot read, and the page stays', async () => {
    answerUsage(() => ok({ surprise: true }));
    renderDetails();
    expect(
      await within(await usageSection()).findByText('Could not tell which offers use this group.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'DE mobile' })).toBeInTheDocument();
  });

  it('a refused call (e.g. a BFF without the method) is "could not tell" too', async () => {
    answerUsage(() => refused("Method 'findCashflowGroupUsage' does not exist"));
    renderDetails();
    expect(
      await within(await usageSection()).findByText('Could not tell which offers use this group.'),
    ).toBeInTheDocument();
    // The rest of the page is there meanwhile and after.
    expect(screen.getByRole('region', { name: /^Rules/ })).toBeInTheDocument();
  });
});

describe('the confirmation before "Save changes" (edit and restore)', () => {
  const before: GroupForm = {
    name: 'DE mobile',
    description: '',
    rules: [{ field: 'country', operator: 'IN', values: ['DE'], negate: false }],
    affiliateMode: 'all',
    affiliateIds: [],
  };
  const state = {
    status: 'confirming' as const,
    diff: diffGroups(before, { ...before, rules: [] }),
  };

  function renderDialog() {
    render(
      <QueryClientProvider client={testQueryClient()}>
        <ConfirmRemovalDialog
          state={state}
          name="DE mobile"
          groupId="7"
          onCancel={() => undefined}
          onConfirm={() => undefined}
        />
      </QueryClientProvider>,
    );
    return screen.getByRole('dialog', { name: 'Remove from “DE mobile”?' });
  }

  it('says how many offers the save affects and lists them', async () => {
    answerUsage(() => ok(USED));
    const dialog = renderDialog();
    expect(
      await within(dialog).findByText('This save affects 2 active offers and 1 goal:'),
    ).toBeInTheDocument();
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Forex starter CPA (#101) — revenue',
      'Crypto deposit RevShare (#102) — payout',
      'First deposit (#501) of offer #101 — payout',
    ]);
    expect(
      ho.calls.find((c) => c.method === 'findCashflowGroupUsage')?.params.get('cashflow_group_id'),
    ).toBe('7');
    expect(within(dialog).getByRole('button', { name: 'Remove and save' })).toBeEnabled();
  });

  it('says that no offer is affected', async () => {
    answerUsage(() => ok({ offers: [], goals: [] }));
    const dialog = renderDialog();
    expect(
      await within(dialog).findByText(
        'No active offer or goal uses this group: this save affects no offer.',
      ),
    ).toBeInTheDocument();
  });

  it('says it could not tell, and the save can still be confirmed', async () => {
    answerUsage(() => ok('3'));
    const dialog = renderDialog();
    expect(
      await within(dialog).findByText(
        'Could not tell which offers use this group, so the offers this save affects are not known.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Remove and save' })).toBeEnabled();
  });
});

describe('the edit’s Review step', () => {
  const base: GroupForm = {
    name: 'DE mobile',
    description: '',
    rules: [{ field: 'country', operator: 'IN', values: ['DE'], negate: false }],
    affiliateMode: 'all',
    affiliateIds: [],
  };

  function ReviewOf({ form }: { form: GroupForm }) {
    const methods = useForm<GroupForm>({ defaultValues: form });
    return (
      <FormProvider {...methods}>
        <WizardModeContext.Provider value={{ kind: 'edit', groupId: '7', base }}>
          <ReviewStep />
        </WizardModeContext.Provider>
      </FormProvider>
    );
  }

  it('says whose pay a save changes even when it only adds (no confirmation stops it)', async () => {
    answerUsage(() => ok(USED));
    const added = { ...base, rules: [{ ...base.rules[0]!, values: ['DE', 'AT'] }] };
    render(
      <QueryClientProvider client={testQueryClient()}>
        <ReviewOf form={added} />
      </QueryClientProvider>,
    );
    const changes = screen.getByRole('region', { name: 'Changes to save' });
    expect(
      await within(changes).findByText('This save affects 2 active offers and 1 goal:'),
    ).toBeInTheDocument();
    // Part of the page, not a live region beside the wizard's own save status.
    expect(within(changes).queryByRole('status')).toBeNull();
  });
});
