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

/** Main-thread time the page's queued renders may take per frame before the rest wait for the next one. */
export const FRAME_BUDGET_MS = 10;

interface FrameQueue {
  readonly jobs: (() => void)[];
  scheduled: boolean;
}

// One queue per page (keyed by the document), so every island's renders share one frame budget.
const queues = new WeakMap<object, FrameQueue>();

function pageQueue(): FrameQueue {
  const key = typeof document === 'undefined' ? globalThis : document;
  let q = queues.get(key);
  if (!q) {
    q = { jobs: [], scheduled: false };
    queues.set(key, q);
  }
  return q;
}

/** Runs `f` on the next animation frame (in a task of its own where there are no frames, as in tests). */
function nextFrame(f: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(f);
  else setTimeout(f, 0);
}

function schedule(q: FrameQueue): void {
  if (q.scheduled) return;
  q.scheduled = true;
  const run = () => {
    q.scheduled = false;
    const start = performance.now();
    // Only jobs queued before this frame run now; a job that queues another (a render asking for
    // one more frame) waits for the next frame, as requestAnimationFrame itself would.
    let budget = q.jobs.length;
    while (budget-- > 0 && performance.now() - start < FRAME_BUDGET_MS) q.jobs.shift()!();
    if (q.jobs.length > 0) schedule(q);
  };
  nextFrame(run);
}

/**
 * Wraps `render` so that many calls render once, with the latest state, on an animation frame.
 * Renders from every island share a per-frame budget: when many figures update at once (three
 * runs ending together), they spread over several frames instead of one long task.
 */
export function perFrame<T>(render: (state: T) => void): (state: T) => void {
  const pending: { state?: T; queued: boolean } = { queued: false };
  return (state: T) => {
    pending.state = state;
    if (pending.queued) return;
    pending.queued = true;
    const q = pageQueue();
    q.jobs.push(() => {
      pending.queued = false;
      render(pending.state as T);
    });
    schedule(q);
  };
}

/**
 * Like `perFrame`, but as two short tasks instead of one long one: `prepare` (e.g. building a
 * chart's detached SVG) runs in a task of its own with the latest state, at most once every
 * `minIntervalMs`; `commit` (putting it into the page, which triggers layout) runs on the next
 * animation frame with the latest prepared value.
 */
export function prepareThenCommit<T, P>(prepare: (state: T) => P, commit: (prepared: P) => void, minIntervalMs = 0): (state: T) => void {
  const s: { state?: T; prepared?: P; taskQueued: boolean; frameQueued: boolean; last: number } = { taskQueued: false, frameQueued: false, last: -Infinity };
  const runCommit = () => {
    s.frameQueued = false;
    commit(s.prepared as P);
  };
  const runPrepare = () => {
    s.taskQueued = false;
    s.last = Date.now();
    s.prepared = prepare(s.state as T);
    if (!s.frameQueued) {
      s.frameQueued = true;
      nextFrame(runCommit);
    }
  };
  return (state: T) => {
    s.state = state;
    if (s.taskQueued) return;
    s.taskQueued = true;
    setTimeout(runPrepare, Math.max(0, s.last + minIntervalMs - Date.now()));
  };
}
