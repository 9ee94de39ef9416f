/**
 * Runs src/run/worker.ts in-process for tests: a fake `self` receives the worker's messages,
 * and `InProcessWorker` stands in for `Worker`, cloning messages both ways like postMessage does.
 */
import type { FromWorker, ToWorker } from '../../src/run/protocol.ts';

type Listener = ((e: { data: FromWorker }) => void) | null;

const route: { toPage: Listener } = { toPage: null };
const scope = {
  onmessage: null as ((e: { data: ToWorker }) => void) | null,
  postMessage: (m: FromWorker) => setTimeout(() => route.toPage?.({ data: structuredClone(m) }), 0),
};
(globalThis as unknown as { self: typeof scope }).self = scope;
await import('../../src/run/worker.ts');

/** Stands for a worker's message in `InProcessWorker`'s `deliver` hook: drop it. */
export const DROP = Symbol('drop');

/**
 * A Worker look-alike backed by the in-process worker module (one page at a time). `deliver`
 * (for fault tests) sees each message from the worker, with how many came before, and returns
 * what the page gets instead, or DROP.
 */
export class InProcessWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  private received = 0;
  private dead = false;
  private readonly toPage: Listener;
  constructor(private readonly deliver?: (data: FromWorker, count: number) => unknown) {
    this.toPage = (e) => {
      const data = this.deliver ? this.deliver(e.data, this.received++) : e.data;
      if (data !== DROP) this.onmessage?.({ data });
    };
    route.toPage = this.toPage;
    // The real worker says `ready` once its script has loaded.
    setTimeout(() => route.toPage?.({ data: { type: 'ready' } }), 0);
  }
  postMessage(message: ToWorker | unknown): void {
    if (this.dead) return;
    setTimeout(() => scope.onmessage?.({ data: structuredClone(message) as ToWorker }), 0);
  }
  /** Stops both ways, like a worker that was killed (no error event, no messages). */
  die(): void {
    this.dead = true;
    if (route.toPage === this.toPage) route.toPage = null;
  }
  terminate(): void {
    this.die();
  }
}

/** A worker whose script fails to load: it fires `error` and never answers. */
export class UnloadableWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor() {
    setTimeout(() => this.onerror?.({ message: '' }), 0);
  }
  postMessage(): void {}
  terminate(): void {}
}
