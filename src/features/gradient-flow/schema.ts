/**
 * <GradientFlow>'s settings, each with its bounds written once: the prop schema (components/props.ts),
 * the URL specs and log sliders (element.ts) and the controls (the component) read them here.
 * Defaults keep the first run to a few seconds in a browser (600 updates of a 6 × 16 network); learning
 * rate 0.1 because at 0.5 He + ReLU, which the lesson recommends, diverges at this depth (iteration 110).
 */
import { EXPLORER_ACTIVATIONS, EXPLORER_SCHEMES } from '../../kit/labels.ts';
import type { Settings } from '../../kit/settings.ts';

export const flowSettings = {
  depth: { kind: 'number', min: 1, max: 10, step: 1, default: 6, integer: true },
  width: { kind: 'number', min: 2, max: 32, step: 1, default: 16, integer: true },
  hidden: { kind: 'choice', values: EXPLORER_ACTIVATIONS, default: 'tanh' },
  init: { kind: 'choice', values: EXPLORER_SCHEMES, default: 'normal' },
  /** Standard deviation of init="normal" (log slider, two significant digits). */
  scale: { kind: 'number', min: 0.001, max: 100, step: 0.001, default: 0.01, logDigits: 2 },
  iterations: { kind: 'number', min: 100, max: 5000, step: 100, default: 600, integer: true },
  learningRate: { kind: 'number', min: 0.001, max: 10, step: 0.001, default: 0.1, logDigits: 2 },
  seed: { kind: 'number', min: 0, max: 0xffffffff, step: 1, default: 42, integer: true },
} as const satisfies Settings;
