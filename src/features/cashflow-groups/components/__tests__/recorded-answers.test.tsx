// The wizard and the group pages against HasOffers answers in their recorded shapes
// (fixtures/recorded/): a validation refusal routed by attribute_name, a missing group's data null.
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { cashflowGroupByIdMissing } from '../../../../../fixtures/recorded/hasoffers';
import { CashflowGroupDetailsPage } from '../cashflow-group-details-page';
import { EditCashflowGroupPage } from '../edit-cashflow-group-page';
import { NewCashflowGroupPage } from '../new-cashflow-group-page';
import { renderRoutes } from './render-helpers';
import { serveTestHasOffersWithCleanStorage } from './test-hasoffers';

configure({ asyncUtilTimeout: 5_000 });

const ho = serveTestHasOffersWithCleanStorage();

function renderAt(path: string) {
  return renderRoutes(
    [
      { path: '/cashflow-groups/new', element: <NewCashflowGroupPage /> },
      { path: '/cashflow-groups/:id/edit', element: <EditCashflowGroupPage /> },
      { path: '/cashflow-groups/:id', element: <CashflowGroupDetailsPage /> },
      { path: '/cashflow-groups', element: <h1>All groups</h1> },
    ],
    path,
  );
}

/** The recorded validation form (pyoffers, Affiliate::update): err_msg is the reason. */
function validationRefusal(attribute: string, errMsg: string) {
  return HttpResponse.json({
    request: {},
    response: {
      status: -1,
      httpStatus: 200,
      data: '',
      errors: [
        {
          err_code: 3,
          err_msg: errMsg,
          attribute_name: attribute,
          publicMessage: 'Could not create cashflow group.',
        },
      ],
      errorMessage: 'Could not create cashflow group.',
    },
  });
}

const step = (router: ReturnType<typeof renderAt>) =>
  new URLSearchParams(router.state.location.search).get('step');

async function toReviewAndCreate(router: ReturnType<typeof renderAt>, name: string) {
  const u = userEvent.setup();
  await u.type(screen.getByRole('textbox', { name: 'Name' }), name);
  expect(await screen.findByText('Available')).toBeInTheDocument();
  for (const next of ['Rules', 'Affiliates', 'Review']) {
    await u.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(step(router)).toBe(next.toLowerCase()));
    // The router shows a new step in a transition: its heading says it is there.
    expect(await screen.findByRole('heading', { level: 2, name: next })).toBeInTheDocument();
  }
  await u.click(await screen.findByRole('button', { name: 'Create group' }));
}

describe('recorded HasOffers answers in the pages', { timeout: 30_000 }, () => {
  it('puts a refusal blaming `name` on Details → Name, in err_msg’s words', async () => {
    ho.override((call) =>
      call.method === 'createCashflowGroup'
        ? validationRefusal('name', 'Name must be unique in the network.')
        : undefined,
    );
    const router = renderAt('/cashflow-groups/new');
    await toReviewAndCreate(router, 'Spring push');
    await waitFor(() => expect(step(router)).toBe('details'));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
        /Name must be unique in the network\./,
      ),
    );
    expect(screen.queryByText(/Could not create cashflow group/)).not.toBeInTheDocument();
  });

  it('opens Affiliates for a refusal blaming `affiliate_ids_json`, whatever its text says', async () => {
    ho.override((call) =>
      call.method === 'createCashflowGroup'
        ? validationRefusal('affiliate_ids_json', 'Invalid value given.')
        : // Unrecorded anywhere: the builder must never depend on it (it uses its own field list).
          call.method === 'getCashflowRuleFieldDefinitions'
          ? HttpResponse.json({ response: { errors: { publicMessage: 'Unknown method' } } })
          : undefined,
    );
    const router = renderAt('/cashflow-groups/new');
    await toReviewAndCreate(router, 'Autumn push');
    await waitFor(() => expect(step(router)).toBe('affiliates'));
    expect(await screen.findByText(/Invalid value given\./)).toBeInTheDocument();
    // The Rules step was passed without asking for field definitions at all.
    expect(ho.calls.filter((c) => c.method === 'getCashflowRuleFieldDefinitions')).toEqual([]);
  });

  it.each([
    ['the details page', '/cashflow-groups/999'],
    ['the edit page', '/cashflow-groups/999/edit'],
    ['the clone', '/cashflow-groups/new?clone=999'],
  ])('shows "not found" with a way back on %s when the group is `data: null`', async (_n, path) => {
    ho.override((call) =>
      call.method === 'findCashflowGroupById'
        ? HttpResponse.json(cashflowGroupByIdMissing.json as Record<string, unknown>)
        : undefined,
    );
    renderAt(path);
    expect(
      await screen.findByRole('heading', { name: 'Cashflow group not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the cashflow groups' })).toHaveAttribute(
      'href',
      '/cashflow-groups',
    );
  });
});
