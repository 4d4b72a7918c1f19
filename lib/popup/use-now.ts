import { useEffect, useState } from 'react';
import { SECOND } from '../time';

/** (ms) between re-renders of relative times while the popup is open. */
const TICK = 15 * SECOND;

/** The current time, refreshed every 15 seconds so "2 minutes ago" stays true. */
export function useNow(interval: number = TICK): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), interval);
    return () => clearInterval(timer);
  }, [interval]);
  return now;
}
