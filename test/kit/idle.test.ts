import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../src/kit/idle.ts';

describe('whenIdle', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('hands the work to requestIdleCallback with the timeout', () => {
    const calls: { timeout?: number }[] = [];
    vi.stubGlobal('window', { requestIdleCallback: (f: () => void, o: { timeout?: number }) => { calls.push(o); f(); return 1; } });
    const work = vi.fn();
    whenIdle(work, 1000);
    expect(work).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([{ timeout: 1000 }]);
  });

  it('falls back to a timer where requestIdleCallback is missing', () => {
    vi.stubGlobal('window', {});
    vi.useFakeTimers();
    const work = vi.fn();
    whenIdle(work, 1000, 200);
    vi.advanceTimersByTime(199);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
