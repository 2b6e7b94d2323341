// With 200 rules, rows away from the viewport are light stand-ins (plain labelled controls).
// They must still do everything a row does: be reached by Tab, edited, toggled, removed, and
// turn into the full editor when scrolled near or focused. jsdom has no IntersectionObserver:
// a fake one, under the test's control, stands in for the browser's.
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RuleForm } from '../../model';
import { renderInForm } from './render-helpers';
import { testHasOffers } from './test-hasoffers';

const io = vi.hoisted(() => {
  const observed = new Set<Element>();
  let callback: IntersectionObserverCallback | undefined;
  class FakeIntersectionObserver {
    constructor(cb: IntersectionObserverCallback) {
      callback = cb;
    }
    observe(el: Element) {
      observed.add(el);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver =
    FakeIntersectionObserver;
  return {
    observed,
    /** Reports `el` as near the viewport (or not), as the browser would on a scroll. */
    report(el: Element, near: boolean) {
      callback?.(
        [{ target: el, isIntersecting: near } as unknown as IntersectionObserverEntry],
        {} as IntersectionObserver,
      );
    },
  };
});

// Imported after the fake is installed: the row reads it when its module loads.
const { RulesStep } = await import('../rules-step');

const ho = testHasOffers();
beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => ho.reset());
afterAll(() => ho.server.close());

function manyRules(n: number): RuleForm[] {
  return Array.from({ length: n }, (_, i) => ({
    field: i % 2 === 0 ? 'source' : 'country',
    operator: 'IN',
    values: i % 2 === 0 ? [`v${i}`] : ['DE'],
    negate: false,
  }));
}

const row = (n: number) => screen.getByRole('group', { name: `Rule ${n}` });
const isLight = (n: number) => row(n).querySelector('.rbl-line') !== null;

describe('rule rows away from the viewport', { timeout: 60_000 }, () => {
  it('are light but labelled, and every row is in the document', () => {
    renderInForm(<RulesStep />, { rules: manyRules(200) });
    expect(screen.getAllByRole('group', { name: /^Rule \d+$/ })).toHaveLength(200);
    expect(isLight(1)).toBe(false);
    expect(isLight(151)).toBe(true);
    const r = within(row(151));
    expect(r.getByRole('combobox', { name: 'Field' })).toHaveTextContent('Source');
    expect(r.getByRole('combobox', { name: 'Operator' })).toHaveTextContent('is one of');
    expect(r.getByRole('switch', { name: 'Negate' })).not.toBeChecked();
    // Free text is a text box, as its full editor; a picker's box stays a closed combobox.
    expect(r.getByRole('textbox', { name: 'Value' })).toBeInTheDocument();
    expect(r.queryByRole('combobox', { name: 'Value' })).toBeNull();
    expect(isLight(150)).toBe(true);
    expect(within(row(150)).getByRole('combobox', { name: 'Value' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(r.getByText('v150')).toBeInTheDocument();
    for (const name of ['Move rule 151 up', 'Move rule 151 down', 'Duplicate rule 151']) {
      expect(r.getByRole('button', { name })).toBeEnabled();
    }
    expect(row(151)).toHaveAccessibleDescription('Source is one of “v150”');
  });

  it('edits a value in row 151 of 200: focus turns the row full and lands in its Value box', async () => {
    const { form } = renderInForm(<RulesStep />, { rules: manyRules(200) });
    await userEvent.click(within(row(151)).getByRole('textbox', { name: 'Value' }));
    expect(isLight(151)).toBe(false);
    const value = within(row(151)).getByRole('textbox', { name: 'Value' });
    expect(value).toHaveFocus();
    await userEvent.keyboard('fresh{Enter}');
    expect(form().getValues('rules.150.values')).toEqual(['v150', 'fresh']);
    expect(row(151)).toHaveAccessibleDescription('Source is one of “v150”, “fresh”');
    // The other rows stayed light.
    expect(isLight(150)).toBe(true);
    expect(isLight(152)).toBe(true);
  });

  it('is reached by Tab from the row before, on the same control', async () => {
    renderInForm(<RulesStep />, { rules: manyRules(200) });
    within(row(99)).getByRole('button', { name: 'Remove rule 99' }).focus();
    await userEvent.tab();
    const field = within(row(100)).getByRole('combobox', { name: 'Field' });
    expect(isLight(100)).toBe(false);
    expect(field).toHaveFocus();
    expect(field).toHaveTextContent('Country');
    // Shift+Tab goes back into row 99 (light until now), onto its last button.
    await userEvent.tab({ shift: true });
    expect(isLight(99)).toBe(false);
    expect(within(row(99)).getByRole('button', { name: 'Remove rule 99' })).toHaveFocus();
  });

  it('toggles, moves and removes from the light row', async () => {
    const { form } = renderInForm(<RulesStep />, { rules: manyRules(200) });
    await userEvent.click(within(row(120)).getByRole('switch', { name: 'Negate' }));
    expect(form().getValues('rules.119.negate')).toBe(true);
    expect(row(120)).toHaveAccessibleDescription('Country is not one of Germany (DE)');

    await userEvent.click(within(row(121)).getByRole('button', { name: 'Move rule 121 up' }));
    expect(form().getValues('rules.119.values')).toEqual(['v120']);
    expect(form().getValues('rules.120.values')).toEqual(['DE']);

    await userEvent.click(within(row(130)).getByRole('button', { name: 'Remove rule 130' }));
    await waitFor(() => expect(form().getValues('rules')).toHaveLength(199));
    expect(form().getValues('rules.129.values')).toEqual(['v130']);
  });

  it('turns full near the viewport and light again away from it', async () => {
    renderInForm(<RulesStep />, { rules: manyRules(200) });
    const frame = row(180);
    expect(io.observed.has(frame)).toBe(true);
    act(() => io.report(frame, true));
    await waitFor(() => expect(isLight(180)).toBe(false));
    act(() => io.report(frame, false));
    await waitFor(() => expect(isLight(180)).toBe(true));
  });

  it('keeps a focused row full when it scrolls away', async () => {
    renderInForm(<RulesStep />, { rules: manyRules(200) });
    await userEvent.click(within(row(60)).getByRole('combobox', { name: 'Value' }));
    expect(isLight(60)).toBe(false);
    act(() => io.report(row(60), false));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(isLight(60)).toBe(false);
    expect(within(row(60)).getByRole('combobox', { name: 'Value' })).toHaveFocus();
  });

  it('shows a value error in a light row and focuses it on demand', async () => {
    const rules = manyRules(200);
    rules[170] = { field: 'aff_sub1', operator: 'IN', values: [], negate: false };
    const { form } = renderInForm(<RulesStep />, { rules });
    await act(async () => {
      await form().trigger('rules', { shouldFocus: true });
    });
    const value = within(row(171)).getByRole('textbox', { name: 'Value' });
    await waitFor(() => expect(value).toHaveFocus());
    expect(isLight(171)).toBe(false);
    expect(value).toHaveAttribute('aria-invalid', 'true');
  });
});
