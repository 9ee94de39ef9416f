import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrainingClient } from '../../src/run/client.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the page’s training client', () => {
  it('is one per document, hooked to the page’s visibility and exit, and warms its workers when idle after the load’s next frame', async () => {
    vi.useFakeTimers();
    const listeners: Record<string, () => void> = {};
    const doc = { visibilityState: 'visible', readyState: 'interactive', addEventListener: (type: string, f: () => void) => (listeners[`document:${type}`] = f) };
    const idle: (() => void)[] = [];
    const frames: (() => void)[] = [];
    vi.stubGlobal('document', doc);
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('window', { addEventListener: (type: string, f: () => void) => (listeners[`window:${type}`] = f), requestIdleCallback: (f: () => void) => idle.push(f) });
    const { trainingClient } = await import('../../src/run/page-client.ts');
    const client = trainingClient();
    expect(client).toBeInstanceOf(TrainingClient);
    expect(trainingClient()).toBe(client);
    expect(Object.keys(listeners).sort()).toEqual(['document:visibilitychange', 'window:load', 'window:pagehide']);
    // Nothing warms before the page has loaded and drawn the frame after it (a link's #target).
    expect([frames.length, idle.length]).toEqual([0, 0]);
    listeners['window:load']();
    expect([frames.length, idle.length]).toEqual([1, 0]);
    frames.shift()!();
    vi.runAllTimers();
    expect(idle).toHaveLength(1);
    // The workers start one per idle task, until none is left to start.
    const warm = vi.spyOn(client, 'warm').mockReturnValueOnce(true).mockReturnValueOnce(false);
    idle.shift()!();
    expect([warm.mock.calls.length, idle.length]).toEqual([1, 1]);
    idle.shift()!();
    expect([warm.mock.calls.length, idle.length]).toEqual([2, 0]);
    const hidden = vi.spyOn(client, 'setHidden').mockImplementation(() => {});
    doc.visibilityState = 'hidden';
    listeners['document:visibilitychange']();
    expect(hidden).toHaveBeenCalledWith(true);
    const stop = vi.spyOn(client, 'stop').mockImplementation(() => {});
    listeners['window:pagehide']();
    expect(stop).toHaveBeenCalledOnce();
  });

  it('on a page that has already loaded, warms after the next frame', async () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    const idle: (() => void)[] = [];
    const added: string[] = [];
    vi.stubGlobal('document', { visibilityState: 'visible', readyState: 'complete', addEventListener: () => {} });
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('window', { addEventListener: (type: string) => added.push(type), requestIdleCallback: (f: () => void) => idle.push(f) });
    const { trainingClient } = await import('../../src/run/page-client.ts');
    trainingClient();
    expect(added).toEqual(['pagehide']);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    vi.runAllTimers();
    expect(idle).toHaveLength(1);
  });
});
