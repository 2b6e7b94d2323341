// Asks before leaving the wizard with work in it: in-app navigation (the browser's Back
// included) through the router's blocker, reloads and tab closes through beforeunload.
import { useEffect, useRef } from 'react';
import { useBlocker, type Blocker } from 'react-router';

/**
 * `shouldGuard` is read at navigation time and on unload (through a ref), so the wizard does
 * not re-render on every keystroke just to keep the guard current. Step changes (same path, new
 * ?step=) are never blocked.
 */
export function useLeaveGuard(shouldGuard: () => boolean): Blocker {
  const guard = useRef(shouldGuard);
  useEffect(() => {
    guard.current = shouldGuard;
  });

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && guard.current(),
  );

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!guard.current()) return;
      event.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  return blocker;
}
