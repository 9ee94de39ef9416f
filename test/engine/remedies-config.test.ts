import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/engine/config.ts';
import { DEEP_LIMITS, DEFAULT_REMEDIES_CONFIG, validateRemediesConfig, type RemediesConfig } from '../../src/engine/remedies-config.ts';

const deep = (hidden: number, width: number) => [2, ...Array<number>(hidden).fill(width), 1];
const check = (over: Partial<RemediesConfig>, m?: number) => () => validateRemediesConfig({ ...DEFAULT_REMEDIES_CONFIG, ...over } as RemediesConfig, 2, m);

describe('remedies configuration', () => {
  it('accepts up to 50 hidden layers of width up to 64', () => {
    expect(DEEP_LIMITS).toMatchObject({ maxHiddenLayers: 50, maxWidth: 64 });
    expect(check({ layers: deep(50, 64) })).not.toThrow();
    expect(check({ layers: [2, 1] })).not.toThrow();
  });

  it('names the field and the limits beyond them', () => {
    expect(check({ layers: deep(51, 8) })).toThrow('layers must be 2, then 0–50 hidden layers of width 1–64, then 1');
    expect(check({ layers: deep(3, 65) })).toThrow(ConfigError);
    expect(check({ layers: deep(3, 65) })).toThrow(/got \[2,65,65,65,1\]/);
    expect(check({ optimizer: 'sgd' as never })).toThrow('optimizer must be one of gd, momentum, rmsprop, adam; got "sgd"');
    expect(check({ optimizer: 'adam', hyperparameters: { beta1: 2 } })).toThrow(/hyperparameters must be adam: beta1 must be a number in \[0, 1\)/);
    expect(check({ clip: 'max' as never })).toThrow('clip must be one of none, norm, value; got "max"');
    expect(check({ clipThreshold: 0 })).toThrow(/clipThreshold must be a number > 0/);
    expect(check({ residual: 'dense' as never })).toThrow('residual must be one of none, identity, projection; got "dense"');
    expect(check({ batchNorm: 'yes' as never })).toThrow('batchNorm must be true or false; got "yes"');
    expect(check({ batchSize: 2.5 })).toThrow(/batchSize must be an integer from 1/);
    expect(check({ batchNorm: true, batchSize: 5 }, 1)).toThrow(/at least 2 with batch normalization/);
    expect(check({ learningRate: -1 })).toThrow(/learningRate must be a number > 0/);
  });
});
