/**
 * Runs work when the browser is idle (requestIdleCallback), at the latest after `timeoutMs`; where
 * requestIdleCallback is missing (Safari before 18, Node without a window), after `fallbackMs` instead.
 */
export function whenIdle(work: () => void, timeoutMs: number, fallbackMs = 200): void {
  const ric = typeof window === 'undefined' ? undefined : window.requestIdleCallback;
  if (ric) ric(() => work(), { timeout: timeoutMs });
  else setTimeout(work, fallbackMs);
}
