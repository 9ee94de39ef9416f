/**
 * <DeepLinearExplorer>'s settings, each with its bounds written once: the prop schema
 * (components/props.ts), the URL specs (element.ts) and the sliders (the component) read them here.
 */
import type { Settings } from '../../kit/settings.ts';

export const deepLinearSettings = {
  /** Every layer is W[l] = a·I. */
  a: { kind: 'number', min: 0.3, max: 1.7, step: 0.01, default: 1.5 },
  /** Number of layers L; Play sweeps it up to `max`. */
  depth: { kind: 'number', min: 2, max: 50, step: 1, default: 10, integer: true },
} as const satisfies Settings;
