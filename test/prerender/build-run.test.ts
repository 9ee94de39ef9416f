import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';
import { buildTimeRun } from '../../src/prerender/build-run.ts';

describe('build-time runs', () => {
  it('trains once per config and relabels per declaration', async () => {
    const config = { ...DEFAULT_TRAIN_CONFIG, iterations: 300 };
    const a = await buildTimeRun({ id: 'a', label: 'A', config });
    const b = await buildTimeRun({ id: 'b', label: 'B', comment: 'c', config });
    expect(b.history).toBe(a.history);
    expect([a.id, b.id, b.label, b.comment]).toEqual(['a', 'b', 'B', 'c']);
    expect(a.result?.initial.W[1]).toHaveLength(6);
  });
});
