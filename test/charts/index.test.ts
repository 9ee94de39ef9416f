import { describe, expect, it } from 'vitest';
import * as charts from '../../src/charts/index.ts';
import * as browser from '../../src/charts/browser.ts';

describe('charts index', () => {
  it('exports everything the browser entry does, plus renderSvg', () => {
    for (const name of Object.keys(browser)) expect(charts, name).toHaveProperty(name);
    expect(typeof charts.renderSvg).toBe('function');
  });

  it('renders every builder’s output to a lone svg with its aria-label', () => {
    const builders = [
      charts.costCurve({ totalIterations: 10, series: [] }),
      charts.scatter({ X: [0, 1, 0, 1], m: 2, panels: [{ title: 'a', labels: [0, 1] }] }),
      charts.gradientDepth({ measured: [1, 2], closedForm: [1, 2] }),
      charts.gradientFlow({ iterations: [0], norms: [[1, 2]], vanishingBelow: 1e-6, explodingAbove: 1e3 }),
      charts.decisionBoundary({ spec: { xMin: 0, xMax: 1, yMin: 0, yMax: 1, nx: 2, ny: 2 }, probs: [0, 0.4, 0.6, 1], X: [0.2, 0.8, 0.2, 0.8], Y: [0, 1], m: 2 }),
      charts.decisionBoundaryLegend(),
      charts.histograms({ layers: [{ l: 1, histogram: { lo: -1, hi: 1, counts: [1, 2, 3], std: 0.5 } }] }),
      charts.variance({ measured: [1, 0.5], predicted: [1, 0.4] }),
      charts.symmetry({ iterations: [0, 10], distance: [0, 0] }),
    ];
    for (const options of builders) {
      const svg = charts.renderSvg(options);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.endsWith('</svg>')).toBe(true);
      expect(svg).toContain(`aria-label="${options.ariaLabel}"`);
      expect(svg).not.toMatch(/NaN|undefined|⚠/);
    }
  });
});
