// With 200 rules, a change in one row re-renders that row only (counted through describeRule,
// which each row calls once per render). The React Profiler's commit times are printed for the
// report; nothing here asserts on time.
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as Model from '../../model';
import type { RuleForm } from '../../model';
import { RulesStep } from '../rules-step';
import { renderInForm } from './render-helpers';
import { testHasOffers } from './test-hasoffers';

const calls = vi.hoisted(() => ({ describeRule: 0 }));
vi.mock('../../model', async (importOriginal) => {
  const actual = await importOriginal<typeof Model>();
  return {
    ...actual,
    describeRule: (...args: Parameters<typeof actual.describeRule>) => {
      calls.describeRule += 1;
      return actual.describeRule(...args);
    },
  };
});

const ho = testHasOffers();
beforeAll(() => ho.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => ho.reset());
afterAll(() => ho.server.close());

const FIELDS = ['country', 'source', 'aff_sub1', 'adv_sub2'] as const;
function manyRules(n: number): RuleForm[] {
  return Array.from({ length: n }, (_, i) => {
    const field = FIELDS[i % FIELDS.length] ?? 'source';
    return {
      field,
      operator: 'IN',
      values: field === 'country' ? ['DE'] : [`v${i}`],
      negate: false,
    };
  });
}

let commits: number[] = [];
const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
  commits.push(actualDuration);
};
const summary = (label: string) => {
  const total = commits.reduce((a, b) => a + b, 0);
  const worst = Math.max(0, ...commits);
  console.info(
    `[200 rules] ${label}: ${commits.length} commits, worst ${worst.toFixed(1)} ms, total ${total.toFixed(1)} ms (jsdom, React dev build)`,
  );
};

describe('a 200-rule builder', () => {
  it('re-renders only the row that changed', async () => {
    renderInForm(
      <Profiler id="rules" onRender={onRender}>
        <RulesStep />
      </Profiler>,
      { rules: manyRules(200) },
    );
    // Let the first render's effects and queries settle. No rule here names a target rule, so
    // their names are never asked for.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(ho.calls.filter((c) => c.method === 'findTargetRules')).toEqual([]);

    const row150 = screen.getByRole('group', { name: 'Rule 150' });
    calls.describeRule = 0;
    commits = [];
    await userEvent.click(within(row150).getByRole('switch', { name: 'Negate' }));
    await act(async () => {});
    summary('toggle Negate');
    // That row (once for its value, maybe once more when its lint changes), never all 200.
    expect(calls.describeRule).toBeGreaterThanOrEqual(1);
    expect(calls.describeRule).toBeLessThanOrEqual(2);

    const value = within(screen.getByRole('group', { name: 'Rule 10' })).getByRole('textbox', {
      name: 'Value',
    });
    await userEvent.click(value);
    // The first character turns the box "filled" (MUI's label and outline state): one render
    // of that box. The keystrokes after it are measured.
    await userEvent.keyboard('a');
    calls.describeRule = 0;
    commits = [];
    await userEvent.keyboard('b');
    summary('one keystroke in a Value box');
    // Typing is local to the editor until the value is added: the text lives in the input
    // alone, so a keystroke renders nothing at all (an Autocomplete rendered itself per key).
    expect(calls.describeRule).toBe(0);
    expect(commits).toHaveLength(0);

    commits = [];
    await userEvent.keyboard('{Enter}');
    await act(async () => {});
    summary('Enter adds the value (form change, lint, validation)');
    expect(calls.describeRule).toBeLessThanOrEqual(2);
  }, 60_000);
});
