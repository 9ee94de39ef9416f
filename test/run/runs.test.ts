import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExperimentDecl } from '../../src/run/experiment.ts';
import { NEAR_START, runKey, startWhenNear } from '../../src/run/runs.ts';
import { trainingClient } from '../../src/run/page-client.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';

/** The two observers startWhenNear makes, in order: `near` (with the margin), then `view`. */
interface FakeObserver {
  readonly callback: (entries: { isIntersecting: boolean }[]) => void;
  readonly options?: { rootMargin?: string };
  disconnected: boolean;
}

const decls: ExperimentDecl[] = [
  { id: 'zeros', label: 'Zeros', config: { ...DEFAULT_TRAIN_CONFIG, init: 'zeros' } },
  { id: 'he', label: 'He', config: { ...DEFAULT_TRAIN_CONFIG, init: 'he' } },
];

describe('startWhenNear', () => {
  const observers: FakeObserver[] = [];
  const idle: { work: () => void; timeout?: number }[] = [];
  const listeners: Record<string, (e: unknown) => void> = {};

  beforeEach(() => {
    observers.length = 0;
    idle.length = 0;
    vi.useFakeTimers();
    vi.stubGlobal('document', { visibilityState: 'visible', addEventListener: () => {} });
    vi.stubGlobal('window', {
      addEventListener: (type: string, f: (e: unknown) => void) => (listeners[type] = f),
      removeEventListener: (type: string) => delete listeners[type],
      requestIdleCallback: (work: () => void, o: { timeout?: number }) => idle.push({ work, timeout: o.timeout }),
    });
    vi.stubGlobal('IntersectionObserver', class {
      readonly o: FakeObserver;
      constructor(callback: FakeObserver['callback'], options?: FakeObserver['options']) {
        this.o = { callback, options, disconnected: false };
        observers.push(this.o);
      }
      observe(): void {}
      disconnect(): void {
        this.o.disconnected = true;
      }
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** The page's client with start and view recorded (and not sent to any worker). */
  function spiedClient() {
    trainingClient(); // its own idle warm-up is queued first
    idle.length = 0;
    const client = trainingClient();
    return { start: vi.spyOn(client, 'start').mockImplementation(() => {}), view: vi.spyOn(client, 'view').mockImplementation(() => {}) };
  }

  it('starts the runs of an element in view at once, and gives them priority', () => {
    const { start, view } = spiedClient();
    startWhenNear({} as Element, decls);
    const [near, inView] = observers;
    expect(near.options?.rootMargin).toBe('600px 0px');
    near.callback([{ isIntersecting: true }]);
    inView.callback([{ isIntersecting: true }]);
    expect(start.mock.calls.map((c) => c[0])).toEqual(decls.map(runKey));
    expect(view.mock.calls).toEqual(decls.map((d) => [runKey(d), 1]));
  });

  it('starts the runs of an element only near after the grace time, when the page is idle', () => {
    const { start, view } = spiedClient();
    startWhenNear({} as Element, decls);
    observers[0].callback([{ isIntersecting: true }]);
    vi.advanceTimersByTime(NEAR_START.graceMs - 1);
    expect(start).not.toHaveBeenCalled();
    expect(idle).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(start).not.toHaveBeenCalled();
    expect(idle.map((i) => i.timeout)).toEqual([NEAR_START.idleMs]);
    idle[0].work();
    expect(start.mock.calls.map((c) => c[0])).toEqual(decls.map(runKey));
    expect(view).not.toHaveBeenCalled();
  });

  it('starts nothing when the element is gone before the idle moment, and takes back its priority', () => {
    const { start, view } = spiedClient();
    const dispose = startWhenNear({} as Element, decls);
    observers[0].callback([{ isIntersecting: true }]);
    vi.advanceTimersByTime(NEAR_START.graceMs);
    dispose();
    idle[0].work();
    expect(start).not.toHaveBeenCalled();
    expect(view).not.toHaveBeenCalled();
    expect(observers.every((o) => o.disconnected)).toBe(true);
    expect(listeners.pageshow).toBeUndefined();
  });

  it('takes back the priority when the element leaves the view, and starts again after a back-forward cache restore', () => {
    const { start, view } = spiedClient();
    startWhenNear({} as Element, decls);
    const [near, inView] = observers;
    near.callback([{ isIntersecting: true }]);
    inView.callback([{ isIntersecting: true }]);
    inView.callback([{ isIntersecting: false }]);
    expect(view.mock.calls.slice(2)).toEqual(decls.map((d) => [runKey(d), -1]));
    start.mockClear();
    listeners.pageshow({ persisted: false });
    expect(start).not.toHaveBeenCalled();
    listeners.pageshow({ persisted: true });
    expect(start.mock.calls.map((c) => c[0])).toEqual(decls.map(runKey));
  });
});
