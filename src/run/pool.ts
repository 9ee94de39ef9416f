/**
 * The page's training workers: a fixed number of slots (the reader's cores, at least 2), each
 * holding a worker created on first use. The pool supervises them: a worker that fires `error`
 * (a failed load or a crash) or says nothing for `stallMs` while it owes the page an answer is
 * terminated and reported dead, and its slot gets a new worker on next use. Messages from a
 * worker are checked (protocol-check.ts) before the client sees them.
 */
import { checkFromWorker, type Malformed } from './protocol-check.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** What the pool tells its owner (the training client). */
export interface PoolHandlers {
  /** A valid message from the worker in `slot`. */
  message(slot: number, message: FromWorker): void;
  /** A message from the worker in `slot` that failed the protocol check. */
  malformed(slot: number, problem: Malformed): void;
  /** The worker in `slot` was terminated; `reason` says why, in words for readers. */
  died(slot: number, reason: string): void;
  /** Whether the worker in `slot` owes an answer (a run playing or stepping, a computation pending). */
  owes(slot: number): boolean;
}

export interface PoolOptions {
  readonly size: number;
  readonly makeWorker: () => Worker;
  /** Silence (ms) after which a worker that owes an answer is taken for dead; about 5 s. */
  readonly stallMs?: number;
}

interface Slot {
  worker: Worker | null;
  /** The worker said `ready` (its script loaded). */
  ready: boolean;
  /** Last time it was heard from, or given something to do (performance.now()). */
  active: number;
}

/** How often the watchdog looks, ms. */
const WATCH_MS = 1000;
export const STALL_MS = 5000;

/** The pool size for this browser: `navigator.hardwareConcurrency`, at least 2. */
export const poolSize = (): number => Math.max(2, Math.floor(Number(globalThis.navigator?.hardwareConcurrency) || 0));

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly watch: { timer: ReturnType<typeof setTimeout> | null; at: number } = { timer: null, at: 0 };
  private readonly stallMs: number;

  constructor(private readonly options: PoolOptions, private readonly handlers: PoolHandlers) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: null, ready: false, active: 0 }));
    this.stallMs = options.stallMs ?? STALL_MS;
  }

  get size(): number {
    return this.slots.length;
  }

  /** The slot with the least `load` (ties: the lowest slot, so workers are created only when needed). */
  pick(load: (slot: number) => number): number {
    let best = 0;
    for (let i = 1; i < this.slots.length; i++) if (load(i) < load(best)) best = i;
    return best;
  }

  /** Posts `message` to the worker in `slot` (created if needed); `owed` when an answer is now due. */
  send(slot: number, message: ToWorker, owed: boolean): void {
    const s = this.slots[slot];
    if (!s.worker) this.spawn(slot);
    if (owed) {
      s.active = performance.now();
      this.arm();
    }
    try {
      s.worker!.postMessage(message);
    } catch (e) {
      // A message that cannot be cloned is that request's problem, not the worker's.
      const id = 'runId' in message ? { runId: message.runId } : { requestId: message.requestId };
      this.handlers.malformed(slot, { ok: false, error: `could not send: ${(e as Error).message}`, ...id });
    }
  }

  /**
   * Starts a worker in the first empty slot, so the first run does not wait for a worker's script to
   * load: one per call, since starting one holds the main thread 4–7 ms (traced in Chromium on 2 cores).
   * @returns whether an empty slot is left.
   */
  warm(): boolean {
    const empty = this.slots.findIndex((s) => !s.worker);
    if (empty >= 0) this.spawn(empty);
    return this.slots.some((s) => !s.worker);
  }

  /** Terminates the worker in `slot` and reports it dead with `reason`. */
  kill(slot: number, reason: string): void {
    const s = this.slots[slot];
    if (!s.worker) return;
    s.worker.onmessage = s.worker.onerror = s.worker.onmessageerror = null;
    s.worker.terminate();
    s.worker = null;
    s.ready = false;
    this.handlers.died(slot, reason);
  }

  /** Terminates every worker, reporting none dead (the page is going away). */
  stop(): void {
    for (const s of this.slots) {
      s.worker?.terminate();
      s.worker = null;
      s.ready = false;
    }
    if (this.watch.timer !== null) clearTimeout(this.watch.timer);
    this.watch.timer = null;
  }

  private spawn(slot: number): void {
    const s = this.slots[slot];
    const worker = this.options.makeWorker();
    s.worker = worker;
    s.ready = false;
    s.active = performance.now();
    worker.onmessage = (e: MessageEvent<unknown>) => {
      if (s.worker !== worker) return;
      s.active = performance.now();
      const checked = checkFromWorker(e.data);
      if (!checked.ok) this.handlers.malformed(slot, checked);
      else if (checked.message.type === 'ready') s.ready = true;
      else if (checked.message.type !== 'alive') this.handlers.message(slot, checked.message);
    };
    worker.onmessageerror = () => this.handlers.malformed(slot, { ok: false, error: 'a message from the training worker could not be read' });
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      if (s.worker !== worker) return;
      const reason = s.ready ? `the training worker crashed${e.message ? ` (${e.message})` : ''}` : 'the training worker failed to load';
      this.kill(slot, reason);
    };
  }

  /** Starts the watchdog if it is not running. */
  private arm(): void {
    if (this.watch.timer !== null) return;
    this.watch.at = performance.now();
    this.watch.timer = setTimeout(() => this.look(), WATCH_MS);
  }

  private look(): void {
    const now = performance.now();
    // Fired late: the page itself was blocked, and the workers' messages may still be queued behind it.
    const late = now - this.watch.at > 2 * WATCH_MS;
    this.watch.timer = null;
    let watching = false;
    this.slots.forEach((s, slot) => {
      if (!s.worker || !this.handlers.owes(slot)) return;
      if (late) s.active = Math.max(s.active, now - WATCH_MS);
      // A worker still loading its script (a slow network) gets longer than one that stopped answering.
      if (now - s.active > (s.ready ? this.stallMs : 3 * this.stallMs)) {
        this.kill(slot, s.ready ? 'the training worker stopped responding' : 'the training worker did not start');
      } else watching = true;
    });
    if (watching) this.arm();
  }
}
