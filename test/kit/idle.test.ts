import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, whenIdle, whenIdleEach } from '../../src/kit/idle.ts';

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

describe('afterNextFrame', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('queues the work as a task from the next animation frame, so it runs after that frame renders', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    const work = vi.fn();
    afterNextFrame(work);
    vi.advanceTimersByTime(100);
    expect(work).not.toHaveBeenCalled();
    frames.shift()!();
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('falls back to a 0 ms timer where requestAnimationFrame is missing', () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    vi.useFakeTimers();
    const work = vi.fn();
    afterNextFrame(work);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });
});

describe('whenIdleEach', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls the step once per idle task, for as long as it returns true', () => {
    const idle: { work: () => void; timeout?: number }[] = [];
    vi.stubGlobal('window', { requestIdleCallback: (work: () => void, o: { timeout?: number }) => idle.push({ work, timeout: o.timeout }) });
    const left = [true, true, false];
    const step = vi.fn(() => left.shift()!);
    whenIdleEach(step, 500);
    expect(step).not.toHaveBeenCalled();
    for (let task = 1; task <= 3; task++) {
      expect(idle.map((i) => i.timeout)).toEqual([500]);
      idle.shift()!.work();
      expect(step).toHaveBeenCalledTimes(task);
    }
    expect(idle).toHaveLength(0);
  });
});
