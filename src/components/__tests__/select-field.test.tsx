// The select field: named by its label, opened by press and by keys, picks one (closing) or
// several (in the options' order, staying open), closes on Escape with focus back on the field;
// its menu's code is fetched on intent and not before. Also the menu's other kinds.
import { useState } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ItemMenu } from '../item-menu-part';
import ItemMenuImpl, { type ItemMenuProps } from '../item-menu';
import { SelectField } from '../select-field';

const FRUIT = ['apple', 'pear', 'plum'] as const;
type Fruit = (typeof FRUIT)[number];
const upper = (s: string) => s.toUpperCase();

function Single({ onChange = vi.fn(), onClose = vi.fn() } = {}) {
  const [value, setValue] = useState<Fruit>('pear');
  return (
    <SelectField<Fruit>
      id="fruit"
      variant="outlined"
      label="Fruit"
      options={FRUIT}
      optionLabel={upper}
      value={value}
      onChange={(v) => {
        onChange(v);
        setValue(v);
      }}
      onClose={onClose}
    />
  );
}

function Multiple({ onChange = vi.fn(), onClose = vi.fn() } = {}) {
  const [value, setValue] = useState<Fruit[]>([]);
  return (
    <SelectField<Fruit>
      id="fruits"
      variant="outlined"
      label="Fruits"
      multiple
      options={FRUIT}
      optionLabel={upper}
      value={value}
      renderValue={(v) => v.map(upper).join(', ') || 'Any'}
      onChange={(v) => {
        onChange(v);
        setValue(v);
      }}
      onClose={onClose}
    />
  );
}

describe('SelectField', () => {
  // The menu's code: fetched on intent in the browser; loaded first here (user-event's events
  // run in a synchronous act, where a part that suspends never resumes), except in the first test.
  it('fetches its menu only when the pointer comes over it or it gets focus', async () => {
    const preload = vi.spyOn(ItemMenu, 'preload');
    render(<Single />);
    expect(preload).not.toHaveBeenCalled();
    fireEvent.pointerEnter(screen.getByRole('combobox', { name: 'Fruit' }));
    expect(preload).toHaveBeenCalledTimes(1);
    await act(() => ItemMenu.preload());
    preload.mockRestore();
  });

  describe('with its menu loaded', () => {
    beforeAll(async () => {
      await ItemMenu.preload();
    });

    it('is a combobox named by its label, showing the chosen option', () => {
      render(<Single />);
      const field = screen.getByRole('combobox', { name: 'Fruit' });
      expect(field).toHaveTextContent('PEAR');
      expect(field).toHaveAttribute('aria-haspopup', 'listbox');
      expect(field).toHaveAttribute('aria-expanded', 'false');
      expect(field).not.toHaveAttribute('aria-controls');
    });

    it('opens on a press, picks one option, closes and gives focus back', async () => {
      const onChange = vi.fn();
      const onClose = vi.fn();
      const user = userEvent.setup();
      render(<Single onChange={onChange} onClose={onClose} />);
      const field = screen.getByRole('combobox', { name: 'Fruit' });
      await user.click(field);
      const list = screen.getByRole('listbox', { name: 'Fruit' });
      expect(field).toHaveAttribute('aria-expanded', 'true');
      expect(field).toHaveAttribute('aria-controls', list.id);
      const options = within(list).getAllByRole('option');
      expect(options.map((o) => [o.textContent, o.getAttribute('aria-selected')])).toEqual([
        ['APPLE', 'false'],
        ['PEAR', 'true'],
        ['PLUM', 'false'],
      ]);
      // The chosen option has focus, as in MUI's Select.
      expect(options[1]).toHaveFocus();
      await user.click(options[2]!);
      expect(onChange).toHaveBeenCalledWith('plum');
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(field).toHaveTextContent('PLUM');
      expect(field).toHaveAttribute('aria-expanded', 'false');
      expect(field).toHaveFocus();
    });

    it.each([' ', 'ArrowDown', 'ArrowUp', 'Enter'])('opens on the key %j', async (key) => {
      render(<Single />);
      const field = screen.getByRole('combobox', { name: 'Fruit' });
      field.focus();
      fireEvent.keyDown(field, { key });
      expect(await screen.findByRole('listbox')).toBeInTheDocument();
    });

    it('does not open on another key', () => {
      render(<Single />);
      const field = screen.getByRole('combobox', { name: 'Fruit' });
      fireEvent.keyDown(field, { key: 'a' });
      expect(screen.queryByRole('listbox')).toBeNull();
    });

    it('picks by keyboard: arrows move, Enter picks; the same option again changes nothing', async () => {
      const onChange = vi.fn();
      const user = userEvent.setup();
      render(<Single onChange={onChange} />);
      const field = screen.getByRole('combobox', { name: 'Fruit' });
      field.focus();
      await user.keyboard('{Enter}');
      await user.keyboard('{ArrowDown}{Enter}');
      expect(onChange).toHaveBeenLastCalledWith('plum');
      expect(field).toHaveFocus();
      await user.keyboard('{Enter}{Enter}');
      expect(onChange).toHaveBeenCalledTimes(1);
    });

    it('picks once with Space: the key up that follows does not pick again', async () => {
      const onChange = vi.fn();
      const user = userEvent.setup();
      render(<Multiple onChange={onChange} />);
      const field = screen.getByRole('combobox', { name: 'Fruits' });
      field.focus();
      await user.keyboard(' '); // opens, focus on the first option
      await user.keyboard(' ');
      expect(onChange.mock.calls).toEqual([[['apple']]]);
    });

    it('ticks several in the options’ order, stays open, and closes on Escape', async () => {
      const onChange = vi.fn();
      const onClose = vi.fn();
      const user = userEvent.setup();
      render(<Multiple onChange={onChange} onClose={onClose} />);
      const field = screen.getByRole('combobox', { name: 'Fruits' });
      expect(field).toHaveTextContent('Any');
      await user.click(field);
      const list = screen.getByRole('listbox', { name: 'Fruits' });
      expect(list).toHaveAttribute('aria-multiselectable', 'true');
      await user.click(within(list).getByRole('option', { name: 'PLUM' }));
      await user.click(within(list).getByRole('option', { name: 'APPLE' }));
      expect(onChange).toHaveBeenLastCalledWith(['apple', 'plum']);
      expect(within(list).getByRole('option', { name: 'APPLE' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      expect(onClose).not.toHaveBeenCalled();
      await user.click(within(list).getByRole('option', { name: 'APPLE' }));
      expect(onChange).toHaveBeenLastCalledWith(['plum']);
      await user.keyboard('{Escape}');
      expect(onClose).toHaveBeenCalledTimes(1);
      expect(field).toHaveTextContent('PLUM');
      expect(field).toHaveFocus();
    });

    it('in a line (standard) is named by the caller’s element', () => {
      render(
        <>
          <span id="size-label">Rows per page:</span>
          <SelectField
            id="size"
            variant="standard"
            labelId="size-label"
            options={['10', '25']}
            optionLabel={String}
            value="25"
            onChange={vi.fn()}
          />
        </>,
      );
      expect(screen.getByRole('combobox', { name: 'Rows per page:' })).toHaveTextContent('25');
    });
  });
});

describe('ItemMenu', () => {
  const base: ItemMenuProps = {
    anchorEl: document.body,
    open: true,
    onClose: vi.fn(),
    onPick: vi.fn(),
    kind: 'menu',
    label: { 'aria-label': 'Things' },
    entries: [
      { key: 'a', label: 'Alpha', selected: true },
      { key: 'b', label: 'Beta', disabled: true },
    ],
  };

  it('draws actions as menu items', async () => {
    const onPick = vi.fn();
    const user = userEvent.setup();
    render(<ItemMenuImpl {...base} onPick={onPick} />);
    const menu = screen.getByRole('menu', { name: 'Things' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((i) => i.textContent),
    ).toEqual(['Alpha', 'Beta']);
    expect(within(menu).getByRole('menuitem', { name: 'Alpha' })).not.toHaveAttribute(
      'aria-checked',
    );
    await user.click(within(menu).getByRole('menuitem', { name: 'Alpha' }));
    expect(onPick).toHaveBeenCalledWith('a');
  });

  it('draws checks as menu item checkboxes, a disabled one unpickable', async () => {
    const onPick = vi.fn();
    const user = userEvent.setup();
    render(<ItemMenuImpl {...base} kind="checks" checkIcons onPick={onPick} />);
    const items = screen.getAllByRole('menuitemcheckbox');
    expect(items.map((i) => [i.textContent, i.getAttribute('aria-checked')])).toEqual([
      ['Alpha', 'true'],
      ['Beta', 'false'],
    ]);
    expect(screen.getByTestId('CheckBoxIcon')).toBeInTheDocument();
    expect(screen.getByTestId('CheckBoxOutlineBlankIcon')).toBeInTheDocument();
    expect(items[1]).toHaveAttribute('aria-disabled', 'true');
    await user.click(items[0]!);
    expect(onPick).toHaveBeenCalledWith('a');
  });
});
