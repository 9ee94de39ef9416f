import { describe, expect, it } from 'vitest';
import { LIMITS as fromConfig, parseTrainConfig } from '../../src/engine/config.ts';
import { LIMITS } from '../../src/engine/limits.ts';
import { checkLayers } from '../../src/engine/network.ts';

describe('the engine limits, one table', () => {
  it('configs stop at maxLayerSize, the network at maxNetworkLayerSize above it', () => {
    expect(fromConfig).toBe(LIMITS);
    expect(LIMITS.maxLayerSize).toBeLessThanOrEqual(LIMITS.maxNetworkLayerSize);
    expect(() => checkLayers([2, LIMITS.maxNetworkLayerSize, 1])).not.toThrow();
    expect(() => checkLayers([2, LIMITS.maxNetworkLayerSize + 1, 1])).toThrow(`from 1 to ${LIMITS.maxNetworkLayerSize}`);
    expect(() => parseTrainConfig({ layers: [2, LIMITS.maxLayerSize + 1, 1] })).toThrow(`from 1 to ${LIMITS.maxLayerSize}`);
  });
});
