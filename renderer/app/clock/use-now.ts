import { useEffect, useState } from 'react';

/** The clock, re-read every `intervalMs`: countdowns re-render from pure rules with it. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
