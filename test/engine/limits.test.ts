import { describe, expect, it } from 'vitest';
import { LIMITS as fromConfig, parseTrainConfig } from '../../src/engine/config.ts';
import { LIMITS } from '../../src/engine/limits.ts';
import { checkLayers } from '../../src/engine/network.ts';

describe('the engine limits, one table', () => {
  it('configs and the network stop at the same layer size, maxLayerSize', () => {
    expect(fromConfig).toBe(LIMITS);
    expect(() => checkLayers([2, LIMITS.maxLayerSize, 1])).not.toThrow();
    expect(() => checkLayers([2, LIMITS.maxLayerSize + 1, 1])).toThrow(`from 1 to ${LIMITS.maxLayerSize}`);
    expect(() => parseTrainConfig({ layers: [2, LIMITS.maxLayerSize, 1], iterations: 1 })).not.toThrow();
    expect(() => parseTrainConfig({ layers: [2, LIMITS.maxLayerSize + 1, 1] })).toThrow(`from 1 to ${LIMITS.maxLayerSize}`);
  });
});
