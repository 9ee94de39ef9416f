/**
 * <SymmetryMeter>'s settings, each with its bounds written once: the prop schema
 * (components/props.ts), the URL specs (element.ts) and the controls (the component) read them here.
 */
import type { Settings } from '../../kit/settings.ts';
import { symmetryInits } from './views.ts';

export const symmetrySettings = {
  init: { kind: 'choice', values: symmetryInits, default: 'zeros' },
  /** The constant c every weight starts at (init="constant"). */
  value: { kind: 'number', min: -2, max: 2, step: 0.01, default: 0.5 },
  /** Hidden units n of the [2, n, 1] network. */
  width: { kind: 'number', min: 2, max: 16, step: 1, default: 4, integer: true },
  /** Set by the page only: the meter's run length. */
  iterations: { kind: 'number', min: 100, max: 20_000, step: 100, default: 1000, integer: true, authorOnly: true },
  seed: { kind: 'number', min: 0, max: 0xffffffff, step: 1, default: 42, integer: true },
} as const satisfies Settings;
