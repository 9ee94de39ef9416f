/**
 * A minimal observable store: one per island (or per run), never module-level mutable state.
 * Subscribers are called after each `set`, batched to one call per animation frame when asked.
 */

export interface Store<T> {
  get(): T;
  /** Replaces the state (shallow-merged when given a partial object). */
  set(next: Partial<T> | ((current: T) => T)): void;
  /** Calls `listener` now and after every change; returns the unsubscribe function. */
  subscribe(listener: (state: T) => void): () => void;
}

/** Creates a store holding `initial`. */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(state: T) => void>();
  return {
    get: () => state,
    set(next) {
      state = typeof next === 'function' ? next(state) : { ...state, ...next };
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Wraps `render` so that many calls within one frame render once, with the latest state.
 * Keeps long renders off the hot path of message handling.
 */
export function perFrame<T>(render: (state: T) => void): (state: T) => void {
  const pending: { state?: T; queued: boolean } = { queued: false };
  return (state: T) => {
    pending.state = state;
    if (pending.queued) return;
    pending.queued = true;
    const run = () => {
      pending.queued = false;
      render(pending.state as T);
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    else setTimeout(run, 0);
  };
}
