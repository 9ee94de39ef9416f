/**
 * <InitComparison>'s settings, each with its bounds written once: the prop schema
 * (components/props.ts), the URL specs and log slider (parts.ts) and the controls (the component)
 * read them here. The learning rate and iterations are any number in bounds as props; the reader's
 * selects offer the listed options plus the page's own value, and so do links.
 */
import { EXPLORER_ACTIVATIONS, EXPLORER_SCHEMES } from '../../kit/labels.ts';
import type { Settings } from '../../kit/settings.ts';

export const comparisonSettings = {
  schemes: { kind: 'list', values: EXPLORER_SCHEMES, min: 1, max: EXPLORER_SCHEMES.length, default: EXPLORER_SCHEMES },
  hidden: { kind: 'choice', values: EXPLORER_ACTIVATIONS, default: 'tanh' },
  width: { kind: 'number', min: 1, max: 32, step: 1, default: 3, integer: true },
  learningRate: { kind: 'number', min: 0.001, max: 10, step: 0.001, default: 1.2, options: [0.01, 0.03, 0.1, 0.3, 0.5, 1, 1.2, 2, 3, 5, 10] },
  iterations: { kind: 'number', min: 100, max: 20_000, step: 100, default: 10_000, integer: true, options: [500, 1000, 2000, 5000, 10_000, 20_000] },
  /** Standard deviation of the "normal" scheme (log slider, three significant digits). */
  scale: { kind: 'number', min: 0.001, max: 100, step: 0.001, default: 10, logDigits: 3 },
  seed: { kind: 'number', min: 0, max: 0xffffffff, step: 1, default: 42, integer: true },
  // Log by default: on a linear axis the normal × 10 start (cost 9.69) squashes the 0.2–0.7 curves flat.
  yScale: { kind: 'choice', values: ['linear', 'log'], default: 'log' },
  threshold: { kind: 'number-choice', values: [0.5, 0.4, 0.3, 0.25, 0.22, 0.2], default: 0.25, readerOnly: true },
} as const satisfies Settings;
