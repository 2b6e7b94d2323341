// The free-text value editor: how values are added and removed from the keyboard, the mouse and
// the clipboard, that nothing typed is lost on blur, and that typing renders nothing.
import { Profiler, useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextValuesEditor } from '../text-values-editor';

function setup(initial: string[] = [], error?: string) {
  const changes: string[][] = [];
  const onBlur = vi.fn();
  let commits = 0;
  function Harness() {
    const [values, setValues] = useState(initial);
    return (
      <Profiler id="editor" onRender={() => (commits += 1)}>
        <TextValuesEditor
          values={values}
          onChange={(next) => {
            changes.push(next);
            setValues(next);
          }}
          onBlur={onBlur}
          inputRef={null}
          error={error}
        />
      </Profiler>
    );
  }
  render(<Harness />);
  const input = screen.getByRole('textbox', { name: 'Value' });
  const chips = () => screen.queryAllByRole('button').map((b) => b.textContent ?? '');
  return {
    input,
    chips,
    changes,
    onBlur,
    commits: () => commits,
    resetCommits: () => (commits = 0),
  };
}

describe('free-text values', () => {
  it.each([
    { typed: 'spring{Enter}', chips: ['spring'], left: '' },
    { typed: 'spring,', chips: ['spring'], left: '' },
    { typed: '  spring  {Enter}', chips: ['spring'], left: '' },
    // A sub value may hold a space: only commas, semicolons, tabs and new lines separate.
    { typed: 'summer sale{Enter}', chips: ['summer sale'], left: '' },
    { typed: 'a;b{Enter}', chips: ['a', 'b'], left: '' },
    { typed: 'spring', chips: [], left: 'spring' },
    { typed: '{Enter}', chips: [], left: '' },
    { typed: 'old{Enter}', chips: ['old'], left: '' },
  ])('typing $typed leaves chips $chips and “$left” in the box', async ({ typed, chips, left }) => {
    const ui = setup(typed.startsWith('old') ? ['old'] : []);
    await userEvent.type(ui.input, typed);
    expect(ui.chips()).toEqual(chips);
    expect(ui.input).toHaveValue(left);
  });

  it('renders nothing while a value is typed, once when it is added', async () => {
    const ui = setup(['a']);
    await userEvent.click(ui.input);
    // The first character renders once: the box turns "filled" (MUI's label and outline).
    await userEvent.keyboard('s');
    ui.resetCommits();
    await userEvent.keyboard('pring');
    expect(ui.commits()).toBe(0);
    await userEvent.keyboard('{Enter}');
    expect(ui.commits()).toBeGreaterThan(0);
    expect(ui.changes).toEqual([['a', 'spring']]);
  });

  it('splits a pasted list at the caret, and pastes a single value as text', async () => {
    const ui = setup(['a']);
    await userEvent.click(ui.input);
    await userEvent.paste('two words');
    expect(ui.input).toHaveValue('two words');
    expect(ui.chips()).toEqual(['a']);
    await userEvent.clear(ui.input);
    await userEvent.keyboard('pre');
    await userEvent.paste('fix, b;c d\te\nf');
    expect(ui.chips()).toEqual(['a', 'prefix', 'b', 'c d', 'e', 'f']);
    expect(ui.input).toHaveValue('');
  });

  it('keeps a value typed but not added when focus leaves', async () => {
    const ui = setup([]);
    await userEvent.type(ui.input, 'pending');
    expect(ui.onBlur).not.toHaveBeenCalled();
    await userEvent.tab();
    expect(ui.chips()).toEqual(['pending']);
    expect(ui.onBlur).toHaveBeenCalledTimes(1);
  });

  it('removes the last value with Backspace in an empty box, not while text is there', async () => {
    const ui = setup(['a', 'b']);
    await userEvent.type(ui.input, 'x{Backspace}');
    expect(ui.chips()).toEqual(['a', 'b']);
    await userEvent.keyboard('{Backspace}');
    expect(ui.chips()).toEqual(['a']);
  });

  it('walks the chips with the arrow keys and removes one with Delete', async () => {
    const ui = setup(['a', 'b', 'c']);
    await userEvent.click(ui.input);
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'c' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'a' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'b' })).toHaveFocus();
    await userEvent.keyboard('{Delete}');
    expect(ui.chips()).toEqual(['a', 'c']);
    expect(ui.input).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}{ArrowRight}');
    expect(ui.input).toHaveFocus();
    // The chips are not Tab stops, as the Autocomplete's are not.
    expect(screen.getByRole('button', { name: 'a' })).toHaveAttribute('tabindex', '-1');
  });

  it('removes a value with its chip’s delete icon', async () => {
    const ui = setup(['a', 'b']);
    const chip = screen.getByRole('button', { name: 'a' });
    await userEvent.click(within(chip).getByTestId('CancelIcon'));
    expect(ui.chips()).toEqual(['b']);
  });

  it.each([
    { how: 'added with Enter', keys: 'spring{Enter}{Backspace}' },
    { how: 'added with a comma', keys: 'spring,{Backspace}' },
    { how: 'only a comma typed', keys: ',' },
  ])('rests its label inside an empty box again ($how, then left)', async ({ keys }) => {
    const ui = setup([]);
    const label = () => screen.getByText('Value', { selector: 'label' });
    await userEvent.click(ui.input);
    await userEvent.keyboard(keys);
    expect(ui.chips()).toEqual([]);
    expect(ui.input).toHaveValue('');
    await userEvent.tab();
    expect(label()).toHaveAttribute('data-shrink', 'false');
  });

  it('shows an error under the box and marks the input invalid', () => {
    const ui = setup([], 'Add at least one value');
    expect(ui.input).toHaveAttribute('aria-invalid', 'true');
    expect(ui.input).toHaveAccessibleDescription('Add at least one value');
  });
});
