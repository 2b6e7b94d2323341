// "The server says we are not signed in": a tiny broadcast from the transport to whoever shows
// the sign-in page, so lib/ needs to know nothing about routes or features.

type Listener = () => void;

const listeners = new Set<Listener>();

/** Subscribes; returns the unsubscribe function (an effect's cleanup). */
export function onSignedOut(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function signalSignedOut(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * A 401 from any /api call but the session endpoints means the dashboard session ended. (The
 * sign-in itself answers 401 for a wrong password: that is an answer, not a lost session.)
 */
export function isSessionLost(url: string, status: number): boolean {
  if (status !== 401) return false;
  const path = new URL(url, 'http://dashboard.invalid').pathname;
  return path !== '/api/session';
}
