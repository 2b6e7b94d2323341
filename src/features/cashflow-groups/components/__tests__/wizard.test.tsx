// The whole wizard in jsdom against an msw HasOffers: step validation, the name check, drafts,
// and the create's guard, refusals and unknown outcomes.
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { serializeDraft, type GroupForm } from '../../model';
import { DRAFT_STORAGE_KEY } from '../../hooks/use-draft';
import { NewCashflowGroupPage } from '../new-cashflow-group-page';
import { renderRoutes } from './render-helpers';
import { serveTestHasOffersWithCleanStorage } from './test-hasoffers';

// Whole-wizard flows are slow in jsdom on a shared machine: give findBy/waitFor more time.
configure({ asyncUtilTimeout: 5_000 });

const ho = serveTestHasOffersWithCleanStorage();

function renderWizard(path = '/cashflow-groups/new') {
  return renderRoutes(
    [
      { path: '/cashflow-groups/new', element: <NewCashflowGroupPage /> },
      { path: '/cashflow-groups', element: <h1>All groups</h1> },
    ],
    path,
  );
}

const user = () => userEvent.setup();
const nameBox = () => screen.getByRole('textbox', { name: 'Name' });
const next = () => screen.getByRole('button', { name: 'Next' });
const step = (router: ReturnType<typeof renderWizard>) =>
  new URLSearchParams(router.state.location.search).get('step');
/** The router renders a new location in a transition: wait for the step's heading too. */
async function onStep(router: ReturnType<typeof renderWizard>, name: string) {
  await waitFor(() => expect(step(router)).toBe(name.toLowerCase()));
  expect(await screen.findByRole('heading', { level: 2, name })).toBeInTheDocument();
}

async function passDetails(router: ReturnType<typeof renderWizard>, name: string) {
  const u = user();
  await u.type(nameBox(), name);
  expect(await screen.findByText('Available')).toBeInTheDocument();
  await u.click(next());
  await onStep(router, 'Rules');
}

async function toReview(router: ReturnType<typeof renderWizard>) {
  const u = user();
  await u.click(next());
  await onStep(router, 'Affiliates');
  await u.click(next());
  await onStep(router, 'Review');
}

// Whole-wizard flows take a few seconds each in jsdom on a loaded machine.
describe('the wizard', { timeout: 30_000 }, () => {
  it('starts on Details with the step in the URL, and Next checks only this step', async () => {
    const router = renderWizard();
    await waitFor(() => expect(step(router)).toBe('details'));
    for (const name of ['Details', 'Rules', 'Affiliates', 'Review']) {
      expect(screen.getByRole('tab', { name: new RegExp(`^${name}`) })).toBeInTheDocument();
    }
    await user().click(next());
    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(step(router)).toBe('details');
    expect(screen.getByRole('tab', { name: /Details.*Needs attention/ })).toBeInTheDocument();
  });

  it('says a taken name is taken, and a taken name blocks Next', async () => {
    const router = renderWizard();
    const u = user();
    await u.type(nameBox(), 'existing GROUP');
    expect(await screen.findByText('A group with this name already exists (#3)')).toBeVisible();
    await u.click(next());
    await waitFor(() => expect(nameBox()).toHaveAttribute('aria-invalid', 'true'));
    expect(step(router)).toBe('details');
  });

  it('fills the description from the rules', async () => {
    const router = renderWizard();
    await passDetails(router, 'Fill test');
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Add rule' }));
    const value = within(screen.getByRole('group', { name: 'Rule 1' })).getByRole('combobox', {
      name: 'Value',
    });
    await u.type(value, 'Germ');
    await u.click(await screen.findByRole('option', { name: /\(DE\)$/ }));
    await u.click(screen.getByRole('button', { name: 'Back' }));
    await u.click(await screen.findByRole('button', { name: 'Fill from rules' }));
    const description = () =>
      (screen.getByRole('textbox', { name: 'Description' }) as HTMLTextAreaElement).value;
    await waitFor(() =>
      expect(description()).toMatch(
        /^Matches conversions where this holds: Country is one of .*\(DE\)\. For all affiliates\.$/,
      ),
    );
  });

  it('sends one create for a double click, with an Idempotency-Key, then shows the new id', async () => {
    const router = renderWizard();
    await passDetails(router, 'Double click');
    await toReview(router);
    const u = user();
    await u.dblClick(screen.getByRole('button', { name: 'Create group' }));
    expect(await screen.findByRole('heading', { name: 'Cashflow group created' })).toBeVisible();
    expect(screen.getByText(/has ID/)).toHaveTextContent('“Double click” has ID #101.');
    expect(ho.creates()).toHaveLength(1);
    expect(ho.creates()[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(ho.creates()[0]?.params.get('rules_json')).toBe('[]');
    expect(ho.creates()[0]?.params.get('affiliate_ids_json')).toBe('[]');
    // The draft is gone after a create.
    expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    expect(screen.getByRole('link', { name: 'See all cashflow groups' })).toHaveAttribute(
      'href',
      '/cashflow-groups',
    );
  });

  it('puts a refused name on Details → Name, keeping what was typed', async () => {
    const router = renderWizard();
    await passDetails(router, 'Soon taken');
    await toReview(router);
    ho.network.groups.push({ id: '55', name: 'Soon taken' });
    await user().click(screen.getByRole('button', { name: 'Create group' }));
    await onStep(router, 'Details');
    await waitFor(() =>
      expect(nameBox()).toHaveAccessibleDescription(/named 'Soon taken' already exists/),
    );
    expect(nameBox()).toHaveValue('Soon taken');
    expect(screen.getByRole('tab', { name: /Details.*Needs attention/ })).toBeInTheDocument();
  });

  it('after a gateway timeout, checks before retrying with the same key', async () => {
    const router = renderWizard();
    await passDetails(router, 'Dropped');
    await toReview(router);
    let failNext = true;
    ho.override((call) => {
      if (call.method === 'createCashflowGroup' && failNext) {
        failNext = false;
        // Sent, and no answer came back: the group may exist.
        return new HttpResponse(null, { status: 504 });
      }
      return undefined;
    });
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Create group' }));
    expect(await screen.findByText('We do not know whether the group was created')).toBeVisible();
    // Creating again is not offered until the check has said it is safe.
    expect(screen.queryByRole('button', { name: 'Create group' })).toBeNull();
    // The key of the unknown attempt is kept with the draft, for a reload.
    const key = ho.creates()[0]?.headers.get('idempotency-key');
    await waitFor(() => expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toContain(key));

    await u.click(screen.getByRole('button', { name: 'Check whether it was created' }));
    expect(await screen.findByText('The group was not created')).toBeVisible();
    await u.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Cashflow group created' })).toBeVisible();
    expect(ho.creates()).toHaveLength(2);
    expect(ho.creates()[1]?.headers.get('idempotency-key')).toBe(key);
  });

  it('finds a group that was created although the answer was lost', async () => {
    const router = renderWizard();
    await passDetails(router, 'Lost answer');
    await toReview(router);
    ho.override((call) => {
      if (call.method !== 'createCashflowGroup') return undefined;
      ho.network.groups.push({ id: '77', name: 'Lost answer' });
      return new HttpResponse(null, { status: 502 });
    });
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Create group' }));
    await u.click(await screen.findByRole('button', { name: 'Check whether it was created' }));
    expect(await screen.findByRole('heading', { name: 'Cashflow group created' })).toBeVisible();
    expect(screen.getByText(/has ID/)).toHaveTextContent('“Lost answer” has ID #77.');
    expect(ho.creates()).toHaveLength(1);
  });
});

describe('drafts', { timeout: 30_000 }, () => {
  const form: GroupForm = {
    name: 'Half done',
    description: '',
    rules: [{ field: 'source', operator: 'CONTAINS', values: ['fb'], negate: true }],
    affiliateMode: 'all',
    affiliateIds: [],
  };

  it('offers a stored draft back, and resumes it at its step', async () => {
    localStorage.setItem(
      DRAFT_STORAGE_KEY,
      serializeDraft({ form, step: 1, savedAt: new Date().toISOString() }),
    );
    const router = renderWizard();
    const dialog = await screen.findByRole('dialog', { name: 'Resume your draft?' });
    expect(dialog).toHaveTextContent('“Half done”, 1 rule, at the Rules step');
    // Resuming renders the Rules step, whose code loads lazily inside a transition: React
    // retries the suspended render when the code arrives only if that happens inside an awaited
    // act(). (A browser needs nothing of the kind; without this the test passed only after another
    // test had loaded the step's code.)
    const resume = within(dialog).getByRole('button', { name: 'Resume draft' });
    await act(async () => fireEvent.click(resume));
    await onStep(router, 'Rules');
    expect(screen.getByRole('group', { name: 'Rule 1' })).toHaveAccessibleDescription(
      'Source does not contain “fb”',
    );
  });

  it('discards a stored draft on request', async () => {
    localStorage.setItem(
      DRAFT_STORAGE_KEY,
      serializeDraft({ form, step: 2, savedAt: new Date().toISOString() }),
    );
    renderWizard();
    await user().click(await screen.findByRole('button', { name: 'Discard' }));
    expect(nameBox()).toHaveValue('');
    expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
  });

  it.each([
    ['corrupt', '{not json', 'A saved draft could not be read and was discarded.'],
    [
      'outdated',
      JSON.stringify({ version: 0, form: {} }),
      'A saved draft from an older version of the dashboard was discarded.',
    ],
  ])('drops a %s draft with a notice, never a crash', async (_kind, raw, notice) => {
    localStorage.setItem(DRAFT_STORAGE_KEY, raw);
    renderWizard();
    expect(await screen.findByText(notice)).toBeVisible();
    expect(nameBox()).toHaveValue('');
    await waitFor(() => expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toBeNull());
  });

  it('autosaves while typing and asks before leaving', async () => {
    const router = renderWizard();
    const u = user();
    await u.type(nameBox(), 'Typed');
    await waitFor(() => expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toContain('"Typed"'));
    await router.navigate('/cashflow-groups');
    const dialog = await screen.findByRole('dialog', { name: 'Leave the new group?' });
    await u.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe('/cashflow-groups/new');
    // The first dialog's exit transition must end, or the click could land on it.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await router.navigate('/cashflow-groups');
    await u.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/cashflow-groups'), {
      timeout: 5_000,
    });
    expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toContain('"Typed"');
  });
});
