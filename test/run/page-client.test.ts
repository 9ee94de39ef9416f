import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrainingClient } from '../../src/run/client.ts';

afterEach(() => vi.unstubAllGlobals());

describe('the page’s training client', () => {
  it('is one per document, hooked to the page’s visibility and exit, and warms its workers when idle', async () => {
    const listeners: Record<string, () => void> = {};
    const doc = { visibilityState: 'visible', addEventListener: (type: string, f: () => void) => (listeners[`document:${type}`] = f) };
    const idle: (() => void)[] = [];
    vi.stubGlobal('document', doc);
    vi.stubGlobal('window', { addEventListener: (type: string, f: () => void) => (listeners[`window:${type}`] = f), requestIdleCallback: (f: () => void) => idle.push(f) });
    const { trainingClient } = await import('../../src/run/page-client.ts');
    const client = trainingClient();
    expect(client).toBeInstanceOf(TrainingClient);
    expect(trainingClient()).toBe(client);
    expect(Object.keys(listeners).sort()).toEqual(['document:visibilitychange', 'window:pagehide']);
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
});
