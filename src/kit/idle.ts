/**
 * When the browser has time: after the next frame (`afterNextFrame`), or when it is idle (`whenIdle`,
 * and `whenIdleEach` for work split over several idle tasks).
 */

/**
 * Runs `work` in a task after the next frame has rendered (its style, layout and paint): what that
 * frame lays out (a block content-visibility skipped until now) is then done, so `work` can measure
 * without forcing it. Where requestAnimationFrame is missing (Node), after a 0 ms timer.
 */
export function afterNextFrame(work: () => void): void {
  // rAF runs before the frame's style and layout; a task queued from it runs after them.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work, 0));
  else setTimeout(work, 0);
}

/**
 * Runs work when the browser is idle (requestIdleCallback), at the latest after `timeoutMs`; where
 * requestIdleCallback is missing (Safari before 18, Node without a window), after `fallbackMs` instead.
 */
export function whenIdle(work: () => void, timeoutMs: number, fallbackMs = 200): void {
  const ric = typeof window === 'undefined' ? undefined : window.requestIdleCallback;
  if (ric) ric(() => work(), { timeout: timeoutMs });
  else setTimeout(work, fallbackMs);
}

/**
 * Runs `step` in idle tasks (whenIdle, each at most `timeoutMs` after the last), one call per task,
 * for as long as it returns true: work split so that no one task holds it all.
 */
export function whenIdleEach(step: () => boolean, timeoutMs: number): void {
  whenIdle(() => {
    if (step()) whenIdleEach(step, timeoutMs);
  }, timeoutMs);
}
