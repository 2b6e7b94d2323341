// The filter toolbar: multi-selects, chips inputs (validation, paste), active chips, debounce.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FiltersToolbar } from '../filters-toolbar';
import { emptyFilters, type Filters } from '../../model/view';

function setup(initial: Filters = emptyFilters()) {
  const onChange = vi.fn<(f: Filters) => void>();
  const onPreview = vi.fn<(f: Filters) => void>();
  function Harness() {
    const [filters, setFilters] = useState(initial);
    return (
      <>
        <FiltersToolbar
          filters={filters}
          onChange={(f) => {
            onChange(f);
            setFilters(f);
          }}
          onPreview={onPreview}
        />
        <button onClick={() => setFilters({ ...emptyFilters(), link_code: ['from-url'] })}>
          external
        </button>
      </>
    );
  }
  const user = userEvent.setup();
  render(<Harness />);
  return { user, onChange, onPreview };
}

const with_ = (over: Partial<Filters>): Filters => ({ ...emptyFilters(), ...over });

describe('FiltersToolbar', () => {
  it('sends the ticks made in an open multi-select as one change when it closes', async () => {
    const { user, onChange } = setup();
    await user.click(screen.getByRole('combobox', { name: /Type/ }));
    const list = screen.getByRole('listbox');
    await user.click(within(list).getByRole('option', { name: 'Manual' }));
    await user.click(within(list).getByRole('option', { name: 'Auto' }));
    expect(onChange).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onChange).toHaveBeenCalledTimes(1);
    // Options' own order, whatever the click order.
    expect(onChange).toHaveBeenLastCalledWith(with_({ group_type: ['AUTO', 'MANUAL'] }));
  });

  it('has MUI’s type-ahead in the open list: a letter moves to the option it starts', async () => {
    const { user } = setup();
    screen.getByRole('combobox', { name: /Rebate period/ }).focus();
    await user.keyboard('{ArrowDown}');
    const list = screen.getByRole('listbox');
    await user.keyboard('m');
    expect(within(list).getByRole('option', { name: 'Monthly' })).toHaveFocus();
  });

  it('previews each tick (what closing the menu will send) without sending it', async () => {
    const { user, onChange, onPreview } = setup(with_({ link_code: ['vip'] }));
    await user.click(screen.getByRole('combobox', { name: /Type/ }));
    const list = screen.getByRole('listbox');
    await user.click(within(list).getByRole('option', { name: 'Manual' }));
    expect(onPreview).toHaveBeenLastCalledWith(
      with_({ link_code: ['vip'], group_type: ['MANUAL'] }),
    );
    await user.click(within(list).getByRole('option', { name: 'Auto' }));
    expect(onPreview).toHaveBeenLastCalledWith(
      with_({ link_code: ['vip'], group_type: ['AUTO', 'MANUAL'] }),
    );
    expect(onPreview).toHaveBeenCalledTimes(2);
    expect(onChange).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    // Closing sends exactly the last preview, and previews nothing more.
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(onPreview.mock.lastCall![0]);
    expect(onPreview).toHaveBeenCalledTimes(2);
  });

  it('previews nothing for typed values: they are sent once typing pauses', async () => {
    const { user, onChange, onPreview } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Group IDs' }), '12{Enter}');
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onPreview).not.toHaveBeenCalled();
  });

  it('filters by rebate period', async () => {
    const { user, onChange } = setup();
    await user.click(screen.getByRole('combobox', { name: /Rebate period/ }));
    await user.click(screen.getByRole('option', { name: 'Weekly' }));
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(with_({ rebate_period: ['WEEKLY'] })),
    );
  });

  it('turns typed group IDs into chips and refuses anything but digits', async () => {
    const { user, onChange } = setup();
    const ids = screen.getByRole('textbox', { name: 'Group IDs' });
    await user.type(ids, '12{Enter}40,');
    expect(screen.getByRole('button', { name: /Group IDs: 12/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Group IDs: 40/ })).toBeInTheDocument();

    await user.type(ids, 'abc');
    expect(screen.getByText('“abc” is not a group ID: use digits only.')).toBeInTheDocument();
    expect(ids).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Enter}');
    expect(ids).toHaveValue('abc');
    expect(screen.queryByRole('button', { name: /Group IDs: abc/ })).not.toBeInTheDocument();

    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange).toHaveBeenLastCalledWith(with_({ group_id: ['12', '40'] }));
  });

  it('splits a pasted list of link codes into chips, skipping duplicates', async () => {
    const { user, onChange } = setup();
    await user.click(screen.getByRole('textbox', { name: 'Link codes' }));
    await user.paste('spring24, vip\nbf2025  vip;tg-main');
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange).toHaveBeenLastCalledWith(
      with_({ link_code: ['spring24', 'vip', 'bf2025', 'tg-main'] }),
    );
    expect(screen.getByRole('textbox', { name: 'Link codes' })).toHaveValue('');
  });

  it('treats link codes that differ only in case as one, and says so', async () => {
    const { user, onChange } = setup(with_({ link_code: ['vip'] }));
    const codes = screen.getByRole('textbox', { name: 'Link codes' });
    expect(codes).toHaveAccessibleDescription(/Case does not matter/);
    await user.click(codes);
    await user.keyboard('VIP{Enter}');
    await user.paste('Spring24 SPRING24 vip');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(with_({ link_code: ['vip', 'Spring24'] })),
    );
    expect(codes).toHaveValue('');
  });

  it('keeps the invalid part of a pasted ID list in the field', async () => {
    const { user, onChange } = setup();
    await user.click(screen.getByRole('textbox', { name: 'Group IDs' }));
    await user.paste('7, x9, 8');
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(with_({ group_id: ['7', '8'] })));
    expect(screen.getByRole('textbox', { name: 'Group IDs' })).toHaveValue('x9');
    expect(screen.getByText(/“x9” is not a group ID/)).toBeInTheDocument();
  });

  it('commits a typed entry on blur, and Backspace in an empty field removes the last chip', async () => {
    const { user, onChange } = setup(with_({ link_code: ['a', 'b'] }));
    const codes = screen.getByRole('textbox', { name: 'Link codes' });
    await user.click(codes);
    await user.keyboard('{Backspace}');
    await user.tab();
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(with_({ link_code: ['a'] })));
    await user.type(codes, 'c');
    await user.tab();
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(with_({ link_code: ['a', 'c'] })),
    );
  });

  it('shows the active filters as removable chips, and Clear all', async () => {
    const { user, onChange } = setup(
      with_({ group_type: ['AUTO'], rebate_period: ['DAILY', 'MONTHLY'], group_id: ['5'] }),
    );
    const active = screen.getByRole('group', { name: 'Active filters' });
    expect(
      within(active)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label') ?? b.textContent),
    ).toEqual([
      'Remove filter Type: Auto',
      'Remove filter Group ID: 5',
      'Remove filter Period: Daily',
      'Remove filter Period: Monthly',
      'Clear all',
    ]);
    within(active).getByRole('button', { name: 'Remove filter Period: Daily' }).focus();
    await user.keyboard('{Delete}');
    // Removing a chip is one deliberate act: no wait.
    expect(onChange).toHaveBeenLastCalledWith(
      with_({ group_type: ['AUTO'], rebate_period: ['MONTHLY'], group_id: ['5'] }),
    );
    await user.click(within(active).getByRole('button', { name: 'Clear all' }));
    expect(onChange).toHaveBeenLastCalledWith(emptyFilters());
    expect(screen.queryByRole('group', { name: 'Active filters' })).not.toBeInTheDocument();
  });

  it('follows a change that comes from the URL', async () => {
    const { user } = setup(with_({ group_type: ['MANUAL'] }));
    await user.click(screen.getByRole('button', { name: 'external' }));
    expect(screen.getByRole('button', { name: /Link codes: from-url/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Type: Manual/ })).not.toBeInTheDocument();
  });
});
