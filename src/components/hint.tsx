// A short text shown by a control on hover or keyboard focus: MUI Tooltip's look, not its code.
//
// MUI's Tooltip brings Popper and @popperjs/core (about 11 KB gzip) into any page that uses it;
// the list's first load used it only for a few short words by icon buttons and a date. Here a
// hint is placed once, from the control's box, when it shows. It stays while the pointer moves
// onto it, and Escape, leaving, blurring or scrolling hides it (WCAG 1.4.13).
import {
  cloneElement,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactElement,
} from 'react';
import { createPortal } from 'react-dom';
import { StaticStyles } from './static-styles';
import type { Theme } from '@mui/material/styles';

/** Where the hint sits: below the control's centre or its end, or above its start. */
export type HintPlacement = 'bottom' | 'bottom-end' | 'top-start';

/** As MUI's Tooltip: 100 ms before a hover shows it, 14 px from the control. */
export const HINT_ENTER_DELAY_MS = 100;
const HINT_LEAVE_DELAY_MS = 100;
const GAP = 14;
const EDGE = 8;

interface HintChildProps {
  'aria-describedby'?: string;
}

const hintStyles = (theme: Theme) => ({
  '.app-hint': {
    position: 'fixed',
    zIndex: theme.zIndex.tooltip,
    backgroundColor: theme.vars
      ? theme.vars.palette.Tooltip.bg
      : theme.alpha(theme.palette.grey[700], 0.92),
    borderRadius: (theme.vars ?? theme).shape.borderRadius,
    color: (theme.vars ?? theme).palette.common.white,
    fontFamily: theme.typography.fontFamily,
    padding: '4px 8px',
    fontSize: theme.typography.pxToRem(11),
    lineHeight: 1.5,
    // Its own width, up to 300 px, wherever it is placed (a hint by the window's edge would
    // otherwise shrink to the room left of its fixed position and wrap every word).
    width: 'max-content',
    maxWidth: 300,
    wordWrap: 'break-word',
    fontWeight: theme.typography.fontWeightMedium,
    animation: 'app-hint-in 150ms ease-out',
    '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
  },
  '@keyframes app-hint-in': { from: { opacity: 0 }, to: { opacity: 1 } },
});

function placeAt(box: DOMRect, placement: HintPlacement): CSSProperties {
  switch (placement) {
    case 'bottom':
      return { top: box.bottom + GAP, left: box.left + box.width / 2, translate: '-50% 0' };
    case 'bottom-end':
      return { top: box.bottom + GAP, left: box.right, translate: '-100% 0' };
    case 'top-start':
      return { top: box.top - GAP, left: box.left, translate: '0 -100%' };
  }
}

function isKeyboardFocus(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    // An engine without :focus-visible (jsdom): treat every focus as a keyboard one.
    return true;
  }
}

/** The hint itself, mounted only while it shows (a control's hint costs nothing until then). */
function HintBubble({
  id,
  title,
  box,
  placement,
  onHide,
  onStay,
  onLeave,
}: {
  id: string;
  title: string;
  box: DOMRect;
  placement: HintPlacement;
  onHide: () => void;
  onStay: () => void;
  onLeave: () => void;
}) {
  const bubble = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onHide();
    // Placed once, from where the control was: a scroll would leave it behind.
    window.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onHide, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onHide, true);
    };
  }, [onHide]);

  // Kept inside the window: a hint by a control at the edge shifts along instead of overflowing.
  useLayoutEffect(() => {
    const el = bubble.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const over = r.right - (window.innerWidth - EDGE);
    const under = EDGE - r.left;
    if (over > 0) el.style.marginLeft = `${-over}px`;
    else if (under > 0) el.style.marginLeft = `${under}px`;
  }, [box]);

  return createPortal(
    <>
      <StaticStyles styles={hintStyles} />
      <span
        ref={bubble}
        role="tooltip"
        id={id}
        className="app-hint"
        style={placeAt(box, placement)}
        // The pointer may cross onto the hint (to read or enlarge it) without losing it.
        onPointerEnter={onStay}
        onPointerLeave={onLeave}
      >
        {title}
      </span>
    </>,
    document.body,
  );
}

export function Hint({
  title,
  placement = 'bottom',
  children,
}: {
  title: string;
  placement?: HintPlacement;
  /** The control (one element); it is described by the hint while the hint shows. */
  children: ReactElement<HintChildProps>;
}) {
  const id = useId();
  const [box, setBox] = useState<DOMRect | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const later = useCallback((f: () => void, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(f, ms);
  }, []);
  const hide = useCallback(() => {
    clearTimeout(timer.current);
    setBox(null);
  }, []);
  const stay = useCallback(() => clearTimeout(timer.current), []);
  const leave = useCallback(() => later(() => setBox(null), HINT_LEAVE_DELAY_MS), [later]);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The handlers sit on a wrapper without a box of its own (display: contents), so the control
  // keeps its place in the layout; only the description is added to the control itself.
  const control = (e: { currentTarget: HTMLElement }) =>
    e.currentTarget.firstElementChild ?? e.currentTarget;
  return (
    <>
      <span
        style={CONTENTS}
        onPointerEnter={(e) => {
          if (e.pointerType === 'touch') return;
          const target = control(e);
          later(() => setBox(target.getBoundingClientRect()), HINT_ENTER_DELAY_MS);
        }}
        onPointerLeave={leave}
        onFocus={(e) => {
          if (e.target !== control(e) || !isKeyboardFocus(e.target)) return;
          clearTimeout(timer.current);
          setBox(e.target.getBoundingClientRect());
        }}
        onBlur={hide}
      >
        {cloneElement(children, {
          'aria-describedby': box ? id : children.props['aria-describedby'],
        })}
      </span>
      {box && (
        <HintBubble
          id={id}
          title={title}
          box={box}
          placement={placement}
          onHide={hide}
          onStay={stay}
          onLeave={leave}
        />
      )}
    </>
  );
}

const CONTENTS: CSSProperties = { display: 'contents' };
