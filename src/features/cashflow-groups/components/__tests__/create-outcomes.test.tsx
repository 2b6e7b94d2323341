// What each create failure says and offers (issue 26: a limit never retried by itself, advice
// that fits what is known), the success page's links, and where focus goes on Review and after.
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { NewCashflowGroupPage } from '../new-cashflow-group-page';
import { testQueryClient } from './render-helpers';
import { refused, serveTestHasOffersWithCleanStorage } from './test-hasoffers';

configure({ asyncUtilTimeout: 5_000 });

const ho = serveTestHasOffersWithCleanStorage();

/** HasOffers' own limit answer (fixtures/recorded/hasoffers.ts, offerRateLimited). */
const LIMIT_TEXT =
  'API usage exceeded rate limit.  Configured: 50/10s window; Your usage: 51.  See https://help.tune.com/hasoffers/rate-limit-error/ for guidance.';

function renderWizard() {
  const router = createMemoryRouter(
    [
      { path: '/cashflow-groups/new', element: <NewCashflowGroupPage /> },
      { path: '/cashflow-groups', element: <h1>All groups</h1> },
    ],
    { initialEntries: ['/cashflow-groups/new'] },
  );
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

async function toReview(name: string) {
  const u = userEvent.setup();
  await u.type(screen.getByRole('textbox', { name: 'Name' }), name);
  expect(await screen.findByText('Available')).toBeInTheDocument();
  for (const heading of ['Rules', 'Affiliates', 'Review']) {
    await u.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
  }
  return u;
}

/** Answers the first `times` creates with `res`, the rest as the network would. */
function failCreates(res: () => Response, times = 1) {
  let left = times;
  ho.override((call) => {
    if (call.method !== 'createCashflowGroup' || left === 0) return undefined;
    left -= 1;
    return res();
  });
}

/** The create's outcome (Review also shows the rules' own warnings as alerts). */
async function outcome(title: string | RegExp): Promise<HTMLElement> {
  const alert = (await screen.findByText(title)).closest<HTMLElement>('[role="alert"]');
  if (!alert) throw new Error(`no alert titled ${String(title)}`);
  return alert;
}

const createButton = () => screen.getByRole('button', { name: 'Create group' });

describe('a create turned away by a call limit', { timeout: 30_000 }, () => {
  it('says it was not created, is never sent again by itself, and counts down', async () => {
    renderWizard();
    const u = await toReview('Limited');
    failCreates(() => refused(LIMIT_TEXT));
    await u.click(createButton());
    const alert = await outcome('The group was not created: too many calls');
    expect(alert).toHaveTextContent('under its call limit (50/10s window)');
    expect(alert).toHaveTextContent(/You can create it again in (10|9) s\./);
    expect(alert).not.toHaveTextContent('Trying again');
    expect(createButton()).toBeDisabled();
    expect(ho.creates()).toHaveLength(1);
  });

  it('offers "Create group" again when the wait is over, and only a click sends it', async () => {
    renderWizard();
    const u = await toReview('Limited by us');
    // The dashboard server's own limiter: 429 with Retry-After.
    failCreates(() =>
      HttpResponse.json(
        { code: 'RateLimited', message: 'Too many HasOffers calls; wait a moment.' },
        { status: 429, headers: { 'Retry-After': '1' } },
      ),
    );
    await u.click(createButton());
    expect(await screen.findByText(/You can create it again in 1 s\./)).toBeVisible();
    expect(createButton()).toBeDisabled();
    await waitFor(() => expect(createButton()).toBeEnabled(), { timeout: 3_000 });
    expect(await outcome(/too many calls/)).toHaveTextContent('You can create it again now');
    // Well past the wait: still one call, nothing retried by itself.
    await new Promise((r) => setTimeout(r, 600));
    expect(ho.creates()).toHaveLength(1);
    await u.click(createButton());
    expect(await screen.findByRole('heading', { name: 'Cashflow group created' })).toBeVisible();
    expect(ho.creates()).toHaveLength(2);
    // A new attempt, so a new key.
    expect(ho.creates()[1]?.headers.get('idempotency-key')).not.toBe(
      ho.creates()[0]?.headers.get('idempotency-key'),
    );
  });
});

describe('advice that fits what is known', { timeout: 30_000 }, () => {
  it('a missing permission is not something to try again', async () => {
    renderWizard();
    const u = await toReview('Not mine');
    failCreates(() =>
      refused(
        'You do not have permission to call CashflowGroup::createCashflowGroup with this NetworkToken',
      ),
    );
    await u.click(createButton());
    const alert = await outcome('HasOffers did not create the group');
    expect(alert).toHaveTextContent('with this NetworkToken. Trying again will not change this');
    expect(alert).toHaveTextContent('ask whoever runs the dashboard server');
    expect(alert).not.toHaveTextContent(/Try again/);
  });

  it('a dashboard server that cannot be reached: no "may have reached HasOffers"', async () => {
    renderWizard();
    const u = await toReview('Server down');
    failCreates(() => HttpResponse.error());
    await u.click(createButton());
    const alert = await outcome('The dashboard server could not be reached');
    expect(alert).not.toHaveTextContent(/may have reached/);
    // Sent again with the same key: the server answers a repeat from its record.
    await u.click(createButton());
    expect(await screen.findByRole('heading', { name: 'Cashflow group created' })).toBeVisible();
    expect(ho.creates()).toHaveLength(2);
    expect(ho.creates()[1]?.headers.get('idempotency-key')).toBe(
      ho.creates()[0]?.headers.get('idempotency-key'),
    );
  });

  it('HasOffers unreachable from the server (502 UpstreamUnavailable)', async () => {
    renderWizard();
    const u = await toReview('Upstream down');
    failCreates(() =>
      HttpResponse.json(
        { code: 'UpstreamUnavailable', message: 'HasOffers could not be reached.' },
        { status: 502 },
      ),
    );
    await u.click(createButton());
    const alert = await outcome('The dashboard server could not reach HasOffers');
    expect(alert).not.toHaveTextContent(/may have reached/);
    expect(createButton()).toBeEnabled();
  });
});

describe('after a create', { timeout: 30_000 }, () => {
  it('links to the new group and its edit page, and focuses the outcome', async () => {
    renderWizard();
    const u = await toReview('Linked');
    await u.click(createButton());
    const heading = await screen.findByRole('heading', { name: 'Cashflow group created' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('link', { name: 'Open the group' })).toHaveAttribute(
      'href',
      '/cashflow-groups/101',
    );
    expect(screen.getByRole('link', { name: 'Edit the group' })).toHaveAttribute(
      'href',
      '/cashflow-groups/101/edit',
    );
  });

  it('focuses a failure’s title', async () => {
    renderWizard();
    const u = await toReview('Focus failure');
    failCreates(() => HttpResponse.error());
    await u.click(createButton());
    await waitFor(() =>
      expect(screen.getByText('The dashboard server could not be reached')).toHaveFocus(),
    );
  });
});

describe('the keyboard on Review', { timeout: 30_000 }, () => {
  it('reaches "Create group" two Tabs after the heading', async () => {
    renderWizard();
    const u = await toReview('Keyboard');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: 'Review' })).toHaveFocus(),
    );
    await u.tab();
    expect(screen.getByRole('button', { name: 'Back' })).toHaveFocus();
    await u.tab();
    expect(createButton()).toHaveFocus();
  });
});
