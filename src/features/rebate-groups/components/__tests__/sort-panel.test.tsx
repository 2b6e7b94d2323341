// The sort panel: chips in order; toggle, remove, move and add by mouse and keyboard.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { SortPanel } from '../sort-panel';
import { orderingToString, type SortKey } from '../../model/view';

function setup(initial: SortKey[]) {
  const changes: string[] = [];
  function Harness() {
    const [ordering, setOrdering] = useState(initial);
    return (
      <SortPanel
        ordering={ordering}
        onChange={(o) => {
          changes.push(orderingToString(o));
          setOrdering(o);
        }}
      />
    );
  }
  render(<Harness />);
  return { user: userEvent.setup(), changes };
}

const keys = (): string[] =>
  screen
    .getAllByRole('button', { name: /^Sort \d/ })
    .map((b) => b.getAttribute('aria-label') ?? '');

const three: SortKey[] = [
  { field: 'clients_count', direction: 'desc' },
  { field: 'group_title', direction: 'asc' },
  { field: 'created', direction: 'desc' },
];

describe('SortPanel', () => {
  it('shows the keys in order with their directions', () => {
    setup(three);
    expect(keys()).toEqual([
      'Sort 1: Clients, descending',
      'Sort 2: Title, ascending',
      'Sort 3: Created, descending',
    ]);
    expect(screen.getByRole('button', { name: 'Move Clients sort earlier' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Created sort later' })).toBeDisabled();
  });

  it('toggles a direction by click and by Enter', async () => {
    const { user, changes } = setup(three);
    await user.click(screen.getByRole('button', { name: 'Sort 2: Title, ascending' }));
    expect(changes.at(-1)).toBe('-clients_count,-group_title,-created');
    screen.getByRole('button', { name: 'Sort 1: Clients, descending' }).focus();
    await user.keyboard('{Enter}');
    expect(changes.at(-1)).toBe('clients_count,-group_title,-created');
  });

  it('removes a key with Delete or Backspace and keeps focus in the panel', async () => {
    const { user, changes } = setup(three);
    screen.getByRole('button', { name: 'Sort 2: Title, ascending' }).focus();
    await user.keyboard('{Delete}');
    expect(changes.at(-1)).toBe('-clients_count,-created');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Sort 2: Created, descending' }),
    );
    await user.keyboard('{Backspace}');
    expect(changes.at(-1)).toBe('-clients_count');
  });

  it('moves a key with Alt+Arrow keys, focus following it', async () => {
    const { user, changes } = setup(three);
    screen.getByRole('button', { name: 'Sort 1: Clients, descending' }).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(changes.at(-1)).toBe('group_title,-clients_count,-created');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Sort 2: Clients, descending' }),
    );
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(changes.at(-1)).toBe('group_title,-created,-clients_count');
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}'); // already last: nothing
    expect(changes).toHaveLength(2);
  });

  it('moves a key with the buttons', async () => {
    const { user, changes } = setup(three);
    await user.click(screen.getByRole('button', { name: 'Move Created sort earlier' }));
    expect(changes.at(-1)).toBe('-clients_count,-created,group_title');
  });

  it('offers only the unused sortable fields in "Add sort"', async () => {
    const { user, changes } = setup(three);
    await user.click(screen.getByRole('button', { name: 'Add sort' }));
    const menu = screen.getByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((m) => m.textContent),
    ).toEqual(['Type', 'Rebate %', 'Period', 'Link code']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Rebate %' }));
    expect(changes.at(-1)).toBe('-clients_count,group_title,-created,rebate_percent');
  });

  it('says when there is no sort, and can add the first key', async () => {
    const { user, changes } = setup([]);
    expect(screen.getByText(/nothing/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add sort' }));
    expect(screen.getAllByRole('menuitem')).toHaveLength(7);
    await user.click(screen.getByRole('menuitem', { name: 'Title' }));
    expect(changes).toEqual(['group_title']);
  });
});
