// The pager: what it says, what its buttons and size menu ask for, and where focus goes.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Pager } from '../pager';

function setup({ count = 60, limit = 25, offset = 0 } = {}) {
  const onOffsetChange = vi.fn<(offset: number) => void>();
  const onLimitChange = vi.fn<(limit: number) => void>();
  function Harness() {
    const [view, setView] = useState({ limit, offset });
    return (
      <Pager
        count={count}
        limit={view.limit}
        offset={view.offset}
        onOffsetChange={(o) => {
          onOffsetChange(o);
          setView((v) => ({ ...v, offset: o }));
        }}
        onLimitChange={(l) => {
          onLimitChange(l);
          setView({ limit: l, offset: 0 });
        }}
      />
    );
  }
  render(<Harness />);
  const prev = screen.getByRole('button', { name: 'Go to previous page' });
  const next = screen.getByRole('button', { name: 'Go to next page' });
  return { prev, next, onOffsetChange, onLimitChange, user: userEvent.setup() };
}

describe('Pager', () => {
  it.each([
    [{ count: 60, limit: 25, offset: 0 }, '1–25 of 60', true, false],
    [{ count: 60, limit: 25, offset: 25 }, '26–50 of 60', false, false],
    [{ count: 60, limit: 25, offset: 50 }, '51–60 of 60', false, true],
    [{ count: 1234, limit: 100, offset: 1200 }, '1,201–1,234 of 1,234', false, true],
    [{ count: 0, limit: 25, offset: 0 }, '0–0 of 0', true, true],
    // An offset past the end shows the last page until the page moves there.
    [{ count: 30, limit: 25, offset: 75 }, '26–30 of 30', false, true],
  ])('%o says %s', (view, text, prevDisabled, nextDisabled) => {
    const { prev, next } = setup(view);
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(prev).toHaveProperty('disabled', prevDisabled);
    expect(next).toHaveProperty('disabled', nextDisabled);
  });

  it('asks for the next and the previous page by offset', async () => {
    const { prev, next, onOffsetChange, user } = setup();
    await user.click(next);
    await user.click(next);
    await user.click(prev);
    expect(onOffsetChange.mock.calls.map(([o]) => o)).toEqual([25, 50, 25]);
  });

  it('offers the page sizes, with a deep-linked one in its place, and asks for the one picked', async () => {
    const { onLimitChange, user } = setup({ limit: 40 });
    const size = screen.getByRole('combobox', { name: /Rows per page/ });
    expect(size).toHaveTextContent('40');
    await user.click(size);
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['10', '25', '40', '50', '100']);
    await user.click(screen.getByRole('option', { name: '50' }));
    expect(onLimitChange).toHaveBeenCalledWith(50);
  });

  it('moves focus to "previous" when "next" reaches the last page and turns itself off', () => {
    const { prev, next } = setup({ count: 60, offset: 25 });
    next.focus();
    fireEvent.click(next);
    expect(next).toBeDisabled();
    expect(prev).toHaveFocus();
  });
});
