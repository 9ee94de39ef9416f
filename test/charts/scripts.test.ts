import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scriptHtml, scriptSvgText, setScripted } from '../../src/charts/scripts.ts';

describe('layer indices as superscripts', () => {
  it('raises W[l], dZ[L], A[l−1] and W[1] in HTML, escaping the rest', () => {
    expect(scriptHtml('Norms with W[l] = 0.9·I & ‖dZ[L]‖, A[l−1], W[1] < 2')).toBe(
      'Norms with W<sup>[l]</sup> = 0.9·I &amp; ‖dZ<sup>[L]</sup>‖, A<sup>[l−1]</sup>, W<sup>[1]</sup> &lt; 2',
    );
  });

  it('leaves lists, bare brackets and indices after a space alone', () => {
    expect(scriptHtml('A [2, n, 1] network; layer [l] and x[i, j]')).toBe('A [2, n, 1] network; layer [l] and x[i, j]');
  });

  it('keeps the text content: a live element reads the same string', () => {
    const { document } = parseHTML('<div id="t"></div>');
    const el = document.getElementById('t')!;
    setScripted(el, 'Var(z[l]) of the hidden layers');
    expect(el.innerHTML).toBe('Var(z<sup>[l]</sup>) of the hidden layers');
    expect(el.textContent).toBe('Var(z[l]) of the hidden layers');
    setScripted(el, 'Cost');
    expect(el.innerHTML).toBe('Cost');
  });

  it('raises chart labels in svg text with a tspan at 10 px, the smallest chart text allowed', () => {
    const { document } = parseHTML('<svg xmlns="http://www.w3.org/2000/svg"><text><tspan>‖dW[l]‖ (Frobenius norm)</tspan></text><text>10</text></svg>');
    const svg = document.querySelector('svg')!;
    scriptSvgText(svg);
    const sup = svg.querySelector('tspan tspan')!;
    expect([sup.textContent, sup.getAttribute('baseline-shift'), sup.getAttribute('font-size')]).toEqual(['[l]', 'super', '10']);
    expect(svg.querySelectorAll('tspan tspan').length).toBe(1);
    expect(svg.querySelector('text')!.textContent).toBe('‖dW[l]‖ (Frobenius norm)');
  });
});
