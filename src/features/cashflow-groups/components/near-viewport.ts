// One IntersectionObserver for every rule row: tells a row when it comes within a screen of the
// viewport, and when it leaves that band again.
type Listener = (near: boolean) => void;

const listeners = new WeakMap<Element, Listener>();
let observer: IntersectionObserver | undefined;

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
    },
    // A screen above and below: rows turn full before they scroll into view.
    { rootMargin: '100% 0px' },
  );
  return observer;
}

/** Calls `listener` with whether `element` is near the viewport; returns the unsubscribe. */
export function observeNearness(element: Element, listener: Listener): () => void {
  const o = shared();
  listeners.set(element, listener);
  o.observe(element);
  return () => {
    o.unobserve(element);
    listeners.delete(element);
  };
}
