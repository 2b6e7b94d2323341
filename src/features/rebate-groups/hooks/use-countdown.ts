// Seconds left until a deadline, ticking once a second (for "retrying in N s").
import { useEffect, useState } from 'react';

export function useCountdown(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const tick = () => setNow(Date.now());
    const id = window.setInterval(tick, 250);
    // A fresh deadline starts from the real current time, not the last tick.
    const first = window.setTimeout(tick, 0);
    return () => {
      window.clearInterval(id);
      window.clearTimeout(first);
    };
  }, [deadline]);
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}
