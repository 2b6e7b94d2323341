// The rule rows inside the builder: field change resets, negate wording, moving, inline lint.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RuleForm } from '../../model';
import { RulesStep } from '../rules-step';
import { renderInForm } from './render-helpers';
import { testHasOffers } from './test-hasoffers';

const ho = testHasOffers();
beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => ho.reset());
afterAll(() => ho.server.close());

const row = (n: number) => screen.getByRole('group', { name: `Rule ${n}` });
const sentence = (n: number) => row(n).getAttribute('aria-describedby') ?? '';
const sentenceText = (n: number) => document.getElementById(sentence(n))?.textContent;

function renderRules(rules: RuleForm[]) {
  return renderInForm(<RulesStep />, { rules });
}

async function chooseField(n: number, optionName: RegExp) {
  await userEvent.click(within(row(n)).getByRole('combobox', { name: 'Field' }));
  await userEvent.click(await screen.findByRole('option', { name: optionName }));
}

// MUI in jsdom is slow on a shared machine; the default 5 s is too tight for these flows.
describe('rule row', { timeout: 30_000 }, () => {
  it('lists the 13 fields with readable names and their API names', async () => {
    renderRules([{ field: 'country', operator: 'IN', values: ['DE'], negate: false }]);
    await userEvent.click(within(row(1)).getByRole('combobox', { name: 'Field' }));
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(13);
    expect(options[0]).toHaveTextContent('Countrycountry');
    expect(screen.getByRole('option', { name: /Affiliate sub 3\s*aff_sub3/ })).toBeInTheDocument();
    expect(
      screen.getByRole('option', { name: /Advanced targeting rule\s*advanced_targeting_rule/ }),
    ).toBeInTheDocument();
  });

  it('keeps text values between text fields but resets what no longer fits', async () => {
    const { form } = renderRules([
      { field: 'aff_sub1', operator: 'CONTAINS', values: ['fb', 'ig'], negate: true },
    ]);
    expect(sentenceText(1)).toBe('Affiliate sub 1 does not contain any of “fb”, “ig”');

    await chooseField(1, /^Source/);
    expect(form().getValues('rules.0')).toEqual({
      field: 'source',
      operator: 'CONTAINS',
      values: ['fb', 'ig'],
      negate: true,
    });

    // Countries offer only "is one of"/"is"; sub values are not country codes.
    await chooseField(1, /^Country/);
    expect(form().getValues('rules.0')).toEqual({
      field: 'country',
      operator: 'IN',
      values: [],
      negate: true,
    });
    expect(sentenceText(1)).toBe('Country is not one of … (no values yet)');
  });

  it('reads the rule in words, negated by the switch', async () => {
    renderRules([{ field: 'country', operator: 'IN', values: ['DE', 'AT'], negate: false }]);
    expect(sentenceText(1)).toMatch(/^Country is one of Germany.*\(DE\), Austria.*\(AT\)$/);
    await userEvent.click(within(row(1)).getByRole('switch', { name: 'Negate' }));
    expect(sentenceText(1)).toMatch(/^Country is not one of Germany.*\(DE\), Austria.*\(AT\)$/);
    // The operator menu offers the positive words; negation is the switch's job.
    await userEvent.click(within(row(1)).getByRole('combobox', { name: 'Operator' }));
    const ops = await screen.findAllByRole('option');
    expect(ops.map((o) => o.textContent)).toEqual(['is one of', 'is']);
  });

  it('moves rules up and down with the buttons and with Alt+arrows', async () => {
    const { form } = renderRules([
      { field: 'source', operator: 'IN', values: ['a'], negate: false },
      { field: 'source', operator: 'IN', values: ['b'], negate: false },
      { field: 'source', operator: 'IN', values: ['c'], negate: false },
    ]);
    const order = () =>
      form()
        .getValues('rules')
        .map((r) => r.values[0]);

    expect(within(row(1)).getByRole('button', { name: 'Move rule 1 up' })).toBeDisabled();
    expect(within(row(3)).getByRole('button', { name: 'Move rule 3 down' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Move rule 2 up' }));
    expect(order()).toEqual(['b', 'a', 'c']);
    expect(sentenceText(1)).toBe('Source is one of “b”');

    await userEvent.click(screen.getByRole('button', { name: 'Move rule 2 down' }));
    expect(order()).toEqual(['b', 'c', 'a']);

    // From inside the row (here its Value input), Alt+ArrowUp moves it.
    within(row(3)).getByRole('textbox', { name: 'Value' }).focus();
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(order()).toEqual(['b', 'a', 'c']);
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(order()).toEqual(['a', 'b', 'c']);
    // Focus went with the row.
    await waitFor(() =>
      expect(within(row(1)).getByRole('textbox', { name: 'Value' })).toHaveFocus(),
    );
  });

  it('duplicates and removes rows', async () => {
    const { form } = renderRules([
      { field: 'source', operator: 'IN', values: ['a'], negate: false },
      { field: 'aff_sub2', operator: 'ENDS_WITH', values: ['x'], negate: true },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Duplicate rule 2' }));
    expect(form().getValues('rules')).toHaveLength(3);
    expect(form().getValues('rules.2')).toEqual(form().getValues('rules.1'));
    await userEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(
      form()
        .getValues('rules')
        .map((r) => r.field),
    ).toEqual(['aff_sub2', 'aff_sub2']);
  });

  it('shows lint next to the row it concerns', async () => {
    renderRules([
      { field: 'source', operator: 'IN', values: ['fb'], negate: false },
      { field: 'source', operator: 'IN', values: ['fb'], negate: false },
      { field: 'country', operator: 'IS', values: ['DE', 'AT'], negate: false },
      { field: 'aff_sub1', operator: 'IN', values: [], negate: false },
    ]);
    expect(within(row(2)).getByText(/Same as rule 1/)).toBeInTheDocument();
    expect(within(row(1)).queryByText(/Same as/)).not.toBeInTheDocument();
    expect(within(row(3)).getByText(/compares with one value/)).toBeInTheDocument();
    expect(within(row(4)).getByText('Affiliate sub 1: add at least one value')).toBeInTheDocument();

    // Lint follows every change: negating the copy makes it a different rule…
    await userEvent.click(within(row(2)).getByRole('switch', { name: 'Negate' }));
    await waitFor(() => expect(within(row(2)).queryByText(/Same as/)).toBeNull());
    // …and one that can never hold together with rule 1.
    expect(within(row(2)).getByText(/can never satisfy both/)).toBeInTheDocument();
    // Removing a rule re-lints the rest.
    await userEvent.click(screen.getByRole('button', { name: 'Remove rule 2' }));
    await waitFor(() => expect(screen.queryByText(/can never satisfy both/)).toBeNull());
  });

  it('says a group with no rules and all affiliates matches every conversion', () => {
    renderRules([]);
    expect(screen.getByText(/matches every conversion in the network/)).toBeInTheDocument();
  });

  it('adds a rule, and splits a pasted list into chips', async () => {
    const { form } = renderRules([]);
    await userEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(form().getValues('rules')).toEqual([
      { field: 'country', operator: 'IN', values: [], negate: false },
    ]);
    await chooseField(1, /^Affiliate sub 2/);
    const input = within(row(1)).getByRole('textbox', { name: 'Value' });
    await userEvent.click(input);
    await userEvent.paste('spring, summer\nautumn');
    expect(form().getValues('rules.0.values')).toEqual(['spring', 'summer', 'autumn']);
    await userEvent.type(input, 'winter{Enter}');
    expect(form().getValues('rules.0.values')).toEqual(['spring', 'summer', 'autumn', 'winter']);
  });
});
