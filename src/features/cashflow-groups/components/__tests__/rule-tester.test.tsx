// RuleTester: type a sample click, read each rule's outcome and the group's verdict.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GroupForm } from '../../model';
import { RuleTester } from '../rule-tester';

const form: Pick<GroupForm, 'rules' | 'affiliateMode' | 'affiliateIds'> = {
  rules: [
    { field: 'country', operator: 'IN', values: ['US', 'CA'], negate: false },
    { field: 'aff_sub2', operator: 'STARTS_WITH', values: ['fb_'], negate: false },
  ],
  affiliateMode: 'selected',
  affiliateIds: ['2', '4'],
};

describe('RuleTester', () => {
  it('has a labelled input for every click field', () => {
    render(<RuleTester form={form} />);
    for (const label of [
      'Country',
      'Source',
      'aff_sub1',
      'aff_sub5',
      'adv_sub1',
      'adv_sub5',
      'Affiliate ID',
      'Target rule IDs',
    ]) {
      expect(screen.getByRole('textbox', { name: label })).toBeInTheDocument();
    }
    expect(screen.getByRole('region', { name: 'Rule tester' })).toBeInTheDocument();
  });

  it('shows why each rule fails and that an empty click does not match', () => {
    render(<RuleTester form={form} />);
    expect(screen.getByText('Country is empty')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('This click does not match the group');
  });

  it('updates as the click is typed, down to a match', async () => {
    const user = userEvent.setup({ delay: null });
    render(<RuleTester form={form} names={{ affiliates: { '2': 'Acme' } }} />);
    await user.type(screen.getByRole('textbox', { name: 'Country' }), 'de');
    expect(screen.getByText('Country is DE, which is not one of US, CA')).toBeInTheDocument();

    await user.clear(screen.getByRole('textbox', { name: 'Country' }));
    await user.type(screen.getByRole('textbox', { name: 'Country' }), 'ca');
    await user.type(screen.getByRole('textbox', { name: 'aff_sub2' }), 'fb_spring');
    await user.type(screen.getByRole('textbox', { name: 'Affiliate ID' }), '2');

    const items = screen.getAllByRole('listitem');
    expect(within(items[0] as HTMLElement).getByText(/Rule 1 passes/)).toBeInTheDocument();
    expect(within(items[1] as HTMLElement).getByText(/Rule 2 passes/)).toBeInTheDocument();
    expect(
      screen.getByText('Affiliate sub 2 is “fb_spring”, which starts with “fb_”'),
    ).toBeInTheDocument();
    expect(screen.getByText("Affiliate 2 is one of the group's 2 affiliates")).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('This click matches the group');

    await user.clear(screen.getByRole('textbox', { name: 'Affiliate ID' }));
    await user.type(screen.getByRole('textbox', { name: 'Affiliate ID' }), '9');
    expect(screen.getByRole('status')).toHaveTextContent('This click does not match the group');
    // Typing into MUI fields is slow on a busy shared machine.
  }, 20_000);

  it('reads target rule IDs as a list', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <RuleTester
        form={{
          rules: [
            { field: 'advanced_targeting_rule', operator: 'IN', values: ['79'], negate: false },
          ],
          affiliateMode: 'all',
          affiliateIds: [],
        }}
        names={{ targetRules: { '79': 'EU traffic' } }}
      />,
    );
    expect(
      screen.getByText(/Advanced targeting rule is one of “EU traffic” \(#79\)/),
    ).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Target rule IDs' }), '5, 79');
    expect(screen.getByRole('status')).toHaveTextContent('This click matches the group');
  });
});
