// A callback that runs once its caller has been quiet for `delayMs` (and `flush` to run it now).
import { useCallback, useEffect, useRef } from 'react';

export function useDebouncedCallback<A extends unknown[]>(
  fn: (...args: A) => void,
  delayMs: number,
): { call: (...args: A) => void; flush: () => void; cancel: () => void } {
  const fnRef = useRef(fn);
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<A | null>(null);
  useEffect(() => {
    fnRef.current = fn;
  });

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const args = pending.current;
    pending.current = null;
    if (args) fnRef.current(...args);
  }, []);
  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
  }, []);
  const call = useCallback(
    (...args: A) => {
      pending.current = args;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );
  useEffect(() => cancel, [cancel]);
  return { call, flush, cancel };
}
