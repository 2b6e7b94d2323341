// Runs work once the browser has painted the current change, off the path to that paint.

/**
 * Calls `work` after the next frame has been produced: a task queued from the frame's
 * animation-frame callback runs once that frame is painted. React flushes the effects of a
 * click's render before the browser paints, so an effect that only prepares for later (a
 * prefetch) would otherwise delay the very paint the person is waiting for.
 *
 * A hidden tab runs no animation frames; the timer beside it then does the work, later.
 * Returns a function that cancels the work if it has not run yet.
 */
export function afterNextPaint(work: () => void, hiddenFallbackMs = 100): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    work();
  };
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, hiddenFallbackMs);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/**
 * Calls `work` when the browser is next idle (`requestIdleCallback`), and within `timeoutMs` at
 * the latest: for fetching ahead what a later click will need, after the page's own start-up work
 * and paints rather than in competition with them. Where there is no idle callback, after the
 * next paint. Returns a function that cancels the work if it has not run yet.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback !== 'function') return afterNextPaint(work);
  const handle = requestIdleCallback(() => work(), { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
