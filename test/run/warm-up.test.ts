import { describe, expect, it } from 'vitest';
import { makeDataset, type Dataset } from '../../src/engine/index.ts';
import { DEFAULT_DATASET, type DatasetRequest } from '../../src/run/protocol.ts';
import { warmUp } from '../../src/run/warm-up.ts';

describe('warmUp', () => {
  it('builds the default data set through the worker\'s cache and trains both kinds of network on it', () => {
    const asked: DatasetRequest[] = [];
    const built: Dataset[] = [];
    warmUp((request) => {
      asked.push(request);
      const data = makeDataset(request.name);
      built.push(data);
      return data;
    });
    expect(asked).toEqual([DEFAULT_DATASET]);
    expect(built[0].m).toBe(1000);
  });
});
