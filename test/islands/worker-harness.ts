/**
 * Runs src/islands/worker.ts in-process for tests: a fake `self` receives the worker's messages,
 * and `InProcessWorker` stands in for `Worker`, cloning messages both ways like postMessage does.
 */
import type { FromWorker, ToWorker } from '../../src/islands/protocol.ts';

type Listener = ((e: { data: FromWorker }) => void) | null;
const route: { toPage: Listener } = { toPage: null };
const scope = {
  onmessage: null as ((e: { data: ToWorker }) => void) | null,
  postMessage: (m: FromWorker) => setTimeout(() => route.toPage?.({ data: structuredClone(m) }), 0),
};
(globalThis as unknown as { self: typeof scope }).self = scope;
await import('../../src/islands/worker.ts');

/** A Worker look-alike backed by the in-process worker module (one page at a time). */
export class InProcessWorker {
  onmessage: Listener = null;
  onerror: ((e: { message: string }) => void) | null = null;
  constructor() {
    route.toPage = (e) => this.onmessage?.(e);
  }
  postMessage(message: ToWorker): void {
    setTimeout(() => scope.onmessage?.({ data: structuredClone(message) }), 0);
  }
  terminate(): void {
    route.toPage = null;
  }
}
