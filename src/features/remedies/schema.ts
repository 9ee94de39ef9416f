/**
 * <RemediesExplorer>'s settings, each with its bounds written once: the prop schema
 * (components/props.ts), the URL specs and log sliders (element.ts) and the controls (the component)
 * read them here. Defaults: 30 tanh layers of 16 units, weights N(0, 0.1²) (LeCun would be 0.25: each
 * layer shrinks the signal), learning rate 0.1, mini-batches of 64, 1000 iterations.
 */
import { REMEDY_BATCH_SIZES, REMEDY_VARIANTS } from '../../kit/labels.ts';
import type { Settings } from '../../kit/settings.ts';

export const remediesSettings = {
  variants: { kind: 'list', values: REMEDY_VARIANTS, min: 1, max: 4, default: ['plain', 'clipped', 'residual', 'batchnorm'] },
  depth: { kind: 'number', min: 2, max: 50, step: 1, default: 30, integer: true },
  width: { kind: 'number', min: 2, max: 64, step: 1, default: 16, integer: true },
  hidden: { kind: 'choice', values: ['tanh', 'relu'], default: 'tanh' },
  scale: { kind: 'number', min: 0.001, max: 10, step: 0.001, default: 0.1, logDigits: 2 },
  learningRate: { kind: 'number', min: 0.0001, max: 10, step: 0.0001, default: 0.1, logDigits: 2 },
  batchSize: { kind: 'number-choice', values: REMEDY_BATCH_SIZES, default: 64 },
  iterations: { kind: 'number', min: 100, max: 5000, step: 100, default: 1000, integer: true },
  seed: { kind: 'number', min: 0, max: 0xffffffff, step: 1, default: 42, integer: true },
} as const satisfies Settings;
