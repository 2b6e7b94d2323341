// Whether a request has been under way for longer than a user waits without a word.
import { useEffect, useState } from 'react';

/** After this long a list that has not answered says so (the BFF's own timeout is 15 s). */
export const STILL_WAITING_AFTER_MS = 5_000;

/**
 * True once `active` has held for `afterMs` without `key` changing: a new view's request starts
 * its own wait, and a request that ends (answer or error) hides the word at once.
 */
export function useStillWaiting(
  active: boolean,
  key: string,
  afterMs = STILL_WAITING_AFTER_MS,
): boolean {
  // The key whose wait has run out; comparing it with the current key needs no reset effect.
  const [waitedFor, setWaitedFor] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    const id = window.setTimeout(() => setWaitedFor(key), afterMs);
    return () => window.clearTimeout(id);
  }, [active, key, afterMs]);
  return active && waitedFor === key;
}
