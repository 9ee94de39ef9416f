import { describe, expect, it } from 'vitest';
import { ACTIVATION_LABELS, EXPLORER_SCHEMES, INIT_LABELS, labelled, normalTimes } from '../../src/kit/labels.ts';

describe('the one table of labels', () => {
  it('gives each initializer a title-case and a running-text form', () => {
    expect(EXPLORER_SCHEMES.map((s) => INIT_LABELS[s].title)).toEqual(['Zeros', 'Normal', 'LeCun', 'Glorot', 'He']);
    expect(EXPLORER_SCHEMES.map((s) => INIT_LABELS[s].text)).toEqual(['zeros', 'normal, scale 1', 'LeCun', 'Glorot', 'He']);
    expect(normalTimes('10', 'title')).toBe('Normal × 10');
    expect(normalTimes('scale', 'text')).toBe('normal × scale');
  });

  it('labels activations and builds select options in the order given', () => {
    expect(labelled(['tanh', 'relu'] as const, (a) => ACTIVATION_LABELS[a])).toEqual([{ value: 'tanh', label: 'tanh' }, { value: 'relu', label: 'ReLU' }]);
  });
});
