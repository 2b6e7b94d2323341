// A value typed into a rule's box but not confirmed is kept in the draft: after a reload it is
// back in the same rule's box, still unconfirmed; confirming or emptying it takes it out of the
// draft; and keeping it costs no render per keystroke.
import { Profiler, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import {
  act,
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { serializeDraft, type GroupForm, type RuleForm } from '../../model';
import { DRAFT_STORAGE_KEY } from '../../hooks/use-draft';
import { createPendingValues, PendingValuesContext } from '../../hooks/pending-values';
import { NewCashflowGroupPage } from '../new-cashflow-group-page';
import { RulesStep } from '../rules-step';
import { renderInForm, testQueryClient } from './render-helpers';
import { serveTestHasOffersWithCleanStorage } from './test-hasoffers';

// Whole-wizard flows are slow in jsdom on a shared machine: give findBy/waitFor more time.
configure({ asyncUtilTimeout: 5_000 });

serveTestHasOffersWithCleanStorage();

const rule = (field: RuleForm['field'], values: string[] = []): RuleForm => ({
  field,
  operator: 'IN',
  values,
  negate: false,
});
const form = (rules: RuleForm[]): GroupForm => ({
  name: 'Half done',
  description: '',
  rules,
  affiliateMode: 'all',
  affiliateIds: [],
});

/** The wizard as a (re)loaded page opens it: offers the stored draft, which is resumed. */
async function openResumed() {
  const router = createMemoryRouter(
    [{ path: '/cashflow-groups/new', element: <NewCashflowGroupPage /> }],
    { initialEntries: ['/cashflow-groups/new'] },
  );
  render(
    <QueryClientProvider client={testQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Resume your draft?' });
  const resume = within(dialog).getByRole('button', { name: 'Resume draft' });
  // The resume renders the step in a transition that suspends until the step's code is there
  // (the first time): an awaited act lets React try again once it has arrived.
  await act(async () => fireEvent.click(resume));
  expect(await screen.findByRole('heading', { level: 2, name: 'Rules' })).toBeInTheDocument();
}

/** A reload: the page goes (the pagehide writes what is pending) and opens again. */
async function reload() {
  act(() => void window.dispatchEvent(new Event('pagehide')));
  cleanup();
  await openResumed();
}

function storeDraft(rules: RuleForm[], pending?: [number, string][]) {
  localStorage.setItem(
    DRAFT_STORAGE_KEY,
    serializeDraft({
      form: form(rules),
      step: 1,
      savedAt: new Date().toISOString(),
      ...(pending && { pendingValues: new Map(pending) }),
    }),
  );
}

/** The stored draft's rules, as stored (pendingValue included). */
function storedRules(): { values: string[]; pendingValue?: string }[] {
  const raw = localStorage.getItem(DRAFT_STORAGE_KEY);
  if (raw === null) throw new Error('no draft stored');
  return (JSON.parse(raw) as { form: { rules: { values: string[]; pendingValue?: string }[] } })
    .form.rules;
}

const row = (n: number) => screen.getByRole('group', { name: `Rule ${n}` });
const textBox = (n: number) => within(row(n)).getByRole('textbox', { name: 'Value' });
const pickerBox = (n: number) => within(row(n)).getByRole('combobox', { name: 'Value' });
/** A value's chip (the MUI Chip with a delete action is a button named by its label). */
const chip = (n: number, label: string) => within(row(n)).queryByRole('button', { name: label });

describe('a value typed but not confirmed', { timeout: 60_000 }, () => {
  it('is saved with the draft and is back in its box after a reload, still unconfirmed', async () => {
    storeDraft([rule('source', ['fb'])]);
    await openResumed();
    await userEvent.type(textBox(1), 'goo');
    await waitFor(() => expect(storedRules()[0]?.pendingValue).toBe('goo'));
    expect(chip(1, 'goo')).toBeNull();

    await reload();
    expect(textBox(1)).toHaveValue('goo');
    expect(chip(1, 'goo')).toBeNull();
    expect(chip(1, 'fb')).toBeInTheDocument();
    expect(row(1)).toHaveAccessibleDescription('Source is one of “fb”');

    // Confirmed, it becomes a value and leaves the draft's pending text.
    await userEvent.type(textBox(1), 'gle{Enter}');
    expect(chip(1, 'google')).toBeInTheDocument();
    expect(textBox(1)).toHaveValue('');
    await waitFor(() => expect(storedRules()[0]).toEqual({ ...rule('source', ['fb', 'google']) }));
  });

  it('leaves the draft when the box is emptied', async () => {
    storeDraft([rule('source')], [[0, 'ab']]);
    await openResumed();
    expect(textBox(1)).toHaveValue('ab');
    await userEvent.type(textBox(1), '{Backspace}{Backspace}');
    await waitFor(() => expect(storedRules()[0]).not.toHaveProperty('pendingValue'));
  });

  it('stays with its rule when the rule is moved while typing (Alt+↑, focus kept)', async () => {
    storeDraft([rule('source', ['a']), rule('aff_sub1', ['b'])]);
    await openResumed();
    await userEvent.type(textBox(2), 'second');
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() =>
      expect(storedRules()).toEqual([
        { ...rule('aff_sub1', ['b']), pendingValue: 'second' },
        rule('source', ['a']),
      ]),
    );

    await reload();
    expect(textBox(1)).toHaveValue('second');
    expect(textBox(2)).toHaveValue('');
    expect(chip(1, 'second')).toBeNull();
  });

  it('is given to the rule it was typed in, not the first one', async () => {
    storeDraft([rule('source', ['a']), rule('aff_sub1', ['b']), rule('country')], [[1, 'mid']]);
    await openResumed();
    expect(textBox(1)).toHaveValue('');
    expect(textBox(2)).toHaveValue('mid');
    expect(pickerBox(3)).toHaveValue('');
  });

  it.each([
    ['a country search', rule('country'), 'Germ'],
    ['a target-rule search', rule('advanced_targeting_rule'), 'EU tr'],
  ])(
    'keeps %s as typed, and a blur (which empties the search) takes it out',
    async (_name, r, text) => {
      storeDraft([r], [[0, text]]);
      await openResumed();
      expect(pickerBox(1)).toHaveValue(text);
      expect(row(1)).toHaveAccessibleDescription(/is one of … \(no values yet\)$/);

      await userEvent.click(pickerBox(1));
      await userEvent.click(screen.getByRole('heading', { level: 2, name: 'Rules' }));
      expect(pickerBox(1)).toHaveValue('');
      await waitFor(() => expect(storedRules()[0]).toEqual(r));
    },
  );

  it('is not restored from a draft saved before it was kept (no field: empty boxes)', async () => {
    storeDraft([rule('source', ['fb']), rule('country')]);
    await openResumed();
    expect(textBox(1)).toHaveValue('');
    expect(pickerBox(2)).toHaveValue('');
  });
});

describe('keeping it', () => {
  it('renders nothing per keystroke', async () => {
    const store = createPendingValues();
    let commits = 0;
    function Step() {
      const [pending] = useState(store);
      return (
        <PendingValuesContext value={pending}>
          <Profiler id="rules" onRender={() => (commits += 1)}>
            <RulesStep />
          </Profiler>
        </PendingValuesContext>
      );
    }
    renderInForm(<Step />, { rules: [rule('source')] });
    await userEvent.click(textBox(1));
    // The first character turns the box "filled" (MUI's label state): one render of that box.
    await userEvent.keyboard('a');
    commits = 0;
    await userEvent.keyboard('bc');
    expect(commits).toBe(0);
    expect([...store.byIndex(1)]).toEqual([[0, 'abc']]);
  });
});
