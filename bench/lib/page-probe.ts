// In-page probe for the list benchmark, installed with page.addInitScript before the app loads:
// the user's action (the event's own timeStamp), the app's fetches (start, body read, request
// body), and the next paint after the table body first shows different rows than before the
// action (mutation callback, then rAF, then a task: that frame has been produced).
// Self-contained, so that Playwright can serialise it.

export interface ProbeFetch {
  url: string;
  body: string | null;
  start: number;
  /** When the response body had been read (the app reads it whole, then parses it). */
  end: number | null;
}

export interface ProbeState {
  armed: boolean;
  actionAt: number | null;
  /** tbody text when armed; the rows count as new once the text differs. */
  before: string | null;
  changedAt: number | null;
  paintedAt: number | null;
  fetches: ProbeFetch[];
  arm(): void;
}

declare global {
  interface Window {
    __bench: ProbeState;
  }
}

export function installProbe(): void {
  const bodyText = () => document.querySelector('table tbody')?.textContent ?? '';
  const state: ProbeState = {
    armed: false,
    actionAt: null,
    before: null,
    changedAt: null,
    paintedAt: null,
    fetches: [],
    arm() {
      state.armed = true;
      state.actionAt = null;
      state.changedAt = null;
      state.paintedAt = null;
      state.before = bodyText();
      state.fetches = [];
    },
  };
  window.__bench = state;

  const onAction = (e: Event) => {
    if (!state.armed) return;
    if (e instanceof KeyboardEvent && e.key !== 'Escape' && e.key !== 'Enter') return;
    state.armed = false;
    state.actionAt = e.timeStamp;
    performance.mark('bench:action', { startTime: e.timeStamp });
  };
  window.addEventListener('click', onAction, true);
  window.addEventListener('keydown', onAction, true);

  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const record: ProbeFetch = {
      url,
      body: typeof init?.body === 'string' ? init.body : null,
      start: performance.now(),
      end: null,
    };
    state.fetches.push(record);
    const response = await originalFetch(input, init);
    const text = response.text.bind(response);
    response.text = async () => {
      const t = await text();
      record.end = performance.now();
      return t;
    };
    return response;
  };

  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (state.changedAt !== null && state.paintedAt === null) {
      state.paintedAt = performance.now();
      performance.mark('bench:painted');
    }
  };
  const observer = new MutationObserver(() => {
    if (state.actionAt === null || state.changedAt !== null) return;
    if (bodyText() === state.before) return;
    state.changedAt = performance.now();
    requestAnimationFrame(() => channel.port2.postMessage(null));
  });
  // The document itself: at init-script time it has no documentElement yet.
  observer.observe(document, {
    childList: true,
    characterData: true,
    subtree: true,
  });
}

/**
 * A function as an init-script source. tsx (esbuild, keepNames) wraps named functions in
 * `__name(...)` calls that do not exist in the page: define it there as the identity.
 */
export function scriptOf(fn: () => void): string {
  return `var __name = (f) => f;\n(${fn.toString()})();`;
}

// ---------------------------------------------------------------------------------------------
// Interactions (rule builder): Event Timing entries (durationThreshold 16, as INP), and a finer
// measure of our own: the event's timeStamp → the frame after its handlers ran (rAF, then a task).

export interface EventEntry {
  name: string;
  interactionId: number;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
}

export interface InteractionState {
  events: EventEntry[];
  /** keydown timeStamp → frame after the input event; one per keystroke. */
  keystrokes: { key: string; at: number; painted: number | null }[];
  /** An armed wait: the click's timeStamp → the frame after `selector` matched an element. */
  wait: { selector: string; text: string | null; at: number | null; painted: number | null } | null;
  armWait(selector: string, text: string | null): void;
}

declare global {
  interface Window {
    __interactions: InteractionState;
  }
}

export function installInteractionProbe(): void {
  const state: InteractionState = {
    events: [],
    keystrokes: [],
    wait: null,
    armWait(selector, text) {
      state.wait = { selector, text, at: null, painted: null };
    },
  };
  window.__interactions = state;

  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) {
      state.events.push({
        name: e.name,
        interactionId: (e as PerformanceEventTiming & { interactionId: number }).interactionId,
        startTime: e.startTime,
        duration: e.duration,
        processingStart: e.processingStart,
        processingEnd: e.processingEnd,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);

  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => {
    for (const f of queue.splice(0)) f();
  };
  const afterNextFrame = (f: () => void) => {
    requestAnimationFrame(() => {
      queue.push(f);
      channel.port2.postMessage(null);
    });
  };

  let pendingKey: InteractionState['keystrokes'][number] | null = null;
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key.length !== 1) return;
      pendingKey = { key: e.key, at: e.timeStamp, painted: null };
      state.keystrokes.push(pendingKey);
    },
    true,
  );
  // Bubbling at window: after React's own listener at the root has handled the input.
  window.addEventListener('input', () => {
    const k = pendingKey;
    pendingKey = null;
    if (k) afterNextFrame(() => (k.painted = performance.now()));
  });

  const matches = () => {
    const w = state.wait;
    if (!w) return false;
    for (const el of document.querySelectorAll(w.selector)) {
      if (w.text === null || el.textContent?.trim() === w.text) return true;
    }
    return false;
  };
  window.addEventListener(
    'click',
    (e) => {
      const w = state.wait;
      if (w && w.at === null) w.at = e.timeStamp;
    },
    true,
  );
  new MutationObserver(() => {
    const w = state.wait;
    if (!w || w.at === null || w.painted !== null) return;
    if (!matches()) return;
    w.painted = -1;
    afterNextFrame(() => (w.painted = performance.now()));
  }).observe(document, { childList: true, subtree: true, characterData: true });
}
