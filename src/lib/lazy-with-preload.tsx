// Components whose code is fetched apart from the page's, ahead of need, and that render at once
// when it has arrived.
//
// React's `lazy` suspends the first time it renders even when the module is already there (its
// fresh `import()` promise is still pending), so a part fetched ahead would still flash its
// fallback once; and a failed load stays failed for the life of the page. Here a loaded module
// renders synchronously, and a failed load can be tried again (the "Try again" of
// `LoadBoundary`).
import { Component, use, type ComponentType, type ErrorInfo, type ReactNode } from 'react';

/** The part's code did not arrive (offline, a new deploy removed the old file): worth a retry. */
export class CodeLoadError extends Error {
  override name = 'CodeLoadError';
}

export interface PreloadableComponent<P extends object> {
  (props: P): ReactNode;
  /** Starts fetching the code: once, or again after a failure. */
  preload: () => Promise<ComponentType<P>>;
}

// Loads that failed, until something asks again: a render alone never starts a failed load over
// (offline, it would fail, render and start again without end); "Try again" and `preload` do.
const failedLoads = new Set<() => void>();

/** Lets every failed load start again on its next render ("Try again"). */
function retryFailedLoads(): void {
  for (const reset of [...failedLoads]) reset();
}

export function lazyWithPreload<P extends object>(
  load: () => Promise<ComponentType<P>>,
): PreloadableComponent<P> {
  let pending: Promise<ComponentType<P>> | undefined;
  const reset = () => {
    pending = undefined;
    failedLoads.delete(reset);
  };
  const start = () => {
    const promise: Promise<ComponentType<P>> = load().then(
      (component) => {
        // React's use() reads a promise marked fulfilled synchronously: the render that follows
        // the load calls use() as the one before did, instead of skipping it (React logs an
        // error when a component that suspended on use() renders without calling it).
        Object.assign(promise, { status: 'fulfilled', value: component });
        return component;
      },
      (cause: unknown) => {
        failedLoads.add(reset);
        throw new CodeLoadError('This part of the page could not be loaded.', { cause });
      },
    );
    pending = promise;
    return promise;
  };
  const preload = () => {
    if (failedLoads.has(reset)) reset();
    return pending ?? start();
  };
  function Lazy(props: P) {
    const Loaded = use(pending ?? start());
    return <Loaded {...props} />;
  }
  return Object.assign(Lazy, { preload });
}

/**
 * Handlers that start fetching parts' code when a person shows they may open one: the pointer
 * over the control, focus on it, a touch. The click comes 100 ms or more later, time enough on
 * most connections; fetched at page load instead, the parts' parsing would compete with the
 * page's own start-up (a failure shows when the part is opened).
 */
export function preloadOnIntent(...parts: readonly { preload: () => Promise<unknown> }[]) {
  const preload = () => {
    for (const part of parts) void part.preload().catch(() => undefined);
  };
  return { onPointerEnter: preload, onPointerDown: preload, onFocus: preload };
}

interface LoadBoundaryProps {
  children: ReactNode;
  /** What failed to load, for the message: "This step". */
  what: string;
  /** Renders the message; given the retry. */
  fallback: (retry: () => void) => ReactNode;
}

/** Catches a part's code that failed to load (only that: other errors go on up), and offers
 * to try again without touching anything around it, such as a form's typed values. */
export class LoadBoundary extends Component<LoadBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (!(error instanceof CodeLoadError)) return;
    // Not a bug to report, but worth a line in the console for whoever looks.
    console.warn(`${this.props.what} could not be loaded`, error, info.componentStack);
  }

  retry = () => {
    retryFailedLoads();
    this.setState({ error: undefined });
  };

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    // Anything but a failed load is a bug: on up to the page's error element.
    if (!(error instanceof CodeLoadError)) throw error;
    return this.props.fallback(this.retry);
  }
}
