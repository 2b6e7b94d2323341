// Hint: shows on hover (after a short delay) and on keyboard focus, describes its control while
// shown, stays while the pointer crosses onto it, and goes on leave, blur, Escape or scroll.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Hint, HINT_ENTER_DELAY_MS } from '../hint';

function setup() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  render(
    <>
      <Hint title="Show or hide columns" placement="bottom-end">
        <button aria-describedby="own">Columns</button>
      </Hint>
      <p id="own">Its own description</p>
      <button>Elsewhere</button>
    </>,
  );
  const button = screen.getByRole('button', { name: 'Columns' });
  return { button };
}

// React makes pointerenter/leave from pointerover/out and their relatedTarget, as browsers send.
const hover = (el: Element, from: Element = document.body) => {
  fireEvent.pointerOut(from, { relatedTarget: el });
  fireEvent.pointerOver(el, { relatedTarget: from });
};
const unhover = (el: Element, to: Element = document.body) => {
  fireEvent.pointerOut(el, { relatedTarget: to });
  fireEvent.pointerOver(to, { relatedTarget: el });
};

const tip = () => screen.queryByRole('tooltip');

describe('Hint', () => {
  afterEach(() => vi.useRealTimers());

  it('shows on hover after a short delay and describes the control while shown', () => {
    const { button } = setup();
    expect(button).toHaveAccessibleDescription('Its own description');
    hover(button);
    act(() => vi.advanceTimersByTime(HINT_ENTER_DELAY_MS - 1));
    expect(tip()).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(tip()).toHaveTextContent('Show or hide columns');
    expect(button).toHaveAccessibleDescription('Show or hide columns');
    unhover(button);
    act(() => vi.advanceTimersByTime(200));
    expect(tip()).toBeNull();
    // Its own description is back.
    expect(button).toHaveAccessibleDescription('Its own description');
  });

  it('does not show for a pointer that only passes over the control', () => {
    const { button } = setup();
    hover(button);
    act(() => vi.advanceTimersByTime(HINT_ENTER_DELAY_MS / 2));
    unhover(button);
    act(() => vi.advanceTimersByTime(1_000));
    expect(tip()).toBeNull();
    hover(button);
    act(() => vi.advanceTimersByTime(HINT_ENTER_DELAY_MS));
    expect(tip()).not.toBeNull();
  });

  it('stays while the pointer crosses onto the hint, and goes when it leaves the hint', () => {
    const { button } = setup();
    hover(button);
    act(() => vi.advanceTimersByTime(HINT_ENTER_DELAY_MS));
    const hint = tip()!;
    unhover(button, hint);
    act(() => vi.advanceTimersByTime(1_000));
    expect(tip()).not.toBeNull();
    unhover(hint);
    act(() => vi.advanceTimersByTime(1_000));
    expect(tip()).toBeNull();
  });

  it.each([
    ['Escape', () => fireEvent.keyDown(window, { key: 'Escape' })],
    ['a scroll', () => fireEvent.scroll(window)],
  ])('goes on %s', async (_, act_) => {
    const { button } = setup();
    hover(button);
    act(() => vi.advanceTimersByTime(HINT_ENTER_DELAY_MS));
    expect(tip()).not.toBeNull();
    act(act_);
    expect(tip()).toBeNull();
  });

  it('shows at once on keyboard focus and goes on blur', () => {
    const { button } = setup();
    act(() => button.focus());
    expect(tip()).toHaveTextContent('Show or hide columns');
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    expect(tip()).toBeNull();
  });

  it('does not show for touch (no hover to end it)', () => {
    const { button } = setup();
    // jsdom has no PointerEvent: a pointer event that says it is a touch.
    const touch = new MouseEvent('pointerover', { bubbles: true });
    Object.defineProperty(touch, 'pointerType', { value: 'touch' });
    fireEvent(button, touch);
    act(() => vi.advanceTimersByTime(1_000));
    expect(tip()).toBeNull();
  });
});
