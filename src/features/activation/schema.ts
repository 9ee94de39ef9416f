/**
 * <ActivationExplorer>'s settings, each with its bounds written once: the prop schema
 * (components/props.ts), the URL specs and the slider below all read them from here.
 */
import { activationNames, type ActivationName } from '../../engine/activations.ts';
import type { ChoiceSetting, NumberSetting } from '../../kit/settings.ts';

export const activationSettings = {
  /** Which registered activation to draw. */
  activation: { kind: 'choice', values: activationNames, default: 'tanh' } as ChoiceSetting<ActivationName>,
  /** The chart shows z from −range to range. */
  range: { kind: 'number', min: 1, max: 10, step: 0.5, default: 5 } as NumberSetting,
};

export type ActivationValues = { activation: ActivationName; range: number };
