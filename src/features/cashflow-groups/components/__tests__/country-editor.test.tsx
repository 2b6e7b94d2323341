// The country value box in a rule row: ranking and Enter, aliases, pasted lists, stale errors.
import { act, screen, waitFor, within } from '@testing-library/react';
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
const valueBox = (n: number) => within(row(n)).getByRole('combobox', { name: 'Value' });
const countryRule = (values: string[] = []): RuleForm => ({
  field: 'country',
  operator: 'IN',
  values,
  negate: false,
});

// MUI in jsdom is slow on a shared machine; the default 5 s is too tight for these flows.
describe('country value box', { timeout: 30_000 }, () => {
  it('takes the exact code with Enter: "FR" is France, not Central African Republic', async () => {
    const { form } = renderInForm(<RulesStep />, { rules: [countryRule()] });
    await userEvent.click(valueBox(1));
    await userEvent.keyboard('FR');
    const options = await screen.findAllByRole('option');
    expect(options[0]).toHaveTextContent('France (FR)');
    await userEvent.keyboard('{Enter}');
    expect(form().getValues('rules.0.values')).toEqual(['FR']);
  });

  it('understands "uk" as the United Kingdom and says so', async () => {
    const { form } = renderInForm(<RulesStep />, { rules: [countryRule()] });
    await userEvent.click(valueBox(1));
    await userEvent.keyboard('uk');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent).slice(0, 2)).toEqual([
      'UK → United Kingdom (GB)',
      'Ukraine (UA)',
    ]);
    await userEvent.keyboard('{Enter}');
    expect(form().getValues('rules.0.values')).toEqual(['GB']);
  });

  it('adds nothing on Enter in an empty box', async () => {
    const { form } = renderInForm(<RulesStep />, { rules: [countryRule()] });
    await userEvent.click(valueBox(1));
    await userEvent.keyboard('{ArrowDown}{Escape}{Enter}');
    expect(form().getValues('rules.0.values')).toEqual([]);
  });

  it('reads codes, names and aliases from a paste, and shows what it left out at once', async () => {
    const { form } = renderInForm(<RulesStep />, { rules: [countryRule()] });
    // The step's check (Next) has complained about the empty box.
    await act(() => form().trigger('rules'));
    expect(within(row(1)).getByText('Add at least one value')).toBeInTheDocument();

    await userEvent.click(valueBox(1));
    await userEvent.paste('de, Holland, UK, XX, atlantis');
    expect(form().getValues('rules.0.values')).toEqual(['DE', 'NL', 'GB']);
    // Visible in the same render as the paste, not after the stale error has gone.
    expect(within(row(1)).getByText(/Not countries, left out: XX, atlantis/)).toBeInTheDocument();
    await waitFor(() =>
      expect(within(row(1)).queryByText(/Add at least one value/)).not.toBeInTheDocument(),
    );
  });

  it('clears a stale "Add at least one value" when a value is picked, before the box loses focus', async () => {
    const { form } = renderInForm(<RulesStep />, { rules: [countryRule()] });
    await act(() => form().trigger('rules'));
    expect(within(row(1)).getByText('Add at least one value')).toBeInTheDocument();

    await userEvent.click(valueBox(1));
    await userEvent.keyboard('germ');
    await userEvent.click(await screen.findByRole('option', { name: 'Germany (DE)' }));
    expect(form().getValues('rules.0.values')).toEqual(['DE']);
    // Still focused: a blur would come with the next click's mouse-down, too late — the row
    // would shrink under the pointer and that click land on nothing.
    expect(valueBox(1)).toHaveFocus();
    await waitFor(() =>
      expect(within(row(1)).queryByText('Add at least one value')).not.toBeInTheDocument(),
    );
    expect(valueBox(1)).toHaveFocus();
  });
});
