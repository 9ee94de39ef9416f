import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/index.ts';
import { plotStyleOnce, svgWithoutStyle, withoutPlotStyle } from '../../src/kit/plot-style.ts';

const chart = () => renderSvg({ marks: [], width: 200, height: 100 });
function svgOf(markup: string): { svg: SVGSVGElement; document: Document } {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return { svg: document.querySelector('svg') as unknown as SVGSVGElement, document: document as unknown as Document };
}

describe("Plot's <style>, handled once", () => {
  it('drops the style sheet Plot puts in every chart', () => {
    const { svg } = svgOf(chart());
    expect(svg.querySelectorAll('style')).toHaveLength(1);
    expect(withoutPlotStyle(svg).querySelectorAll('style')).toHaveLength(0);
  });

  it('keeps one marked copy in the island, once', () => {
    const { svg, document } = svgOf(chart());
    const island = document.createElement('div');
    withoutPlotStyle(svg, island);
    withoutPlotStyle(svgOf(chart()).svg, island);
    expect(island.querySelectorAll('style[data-plot-style]')).toHaveLength(1);
    expect(svg.querySelector('style')).toBeNull();
  });

  it('at build time: one marked copy for the page, charts without theirs', () => {
    const svg = chart();
    const style = /<style>([\s\S]*?)<\/style>/.exec(svg)![1];
    expect(plotStyleOnce([null, svg, svg])).toBe(`<style data-plot-style>${style}</style>`);
    expect(plotStyleOnce([null, undefined])).toBe('');
    expect(svgWithoutStyle(svg)).not.toContain('<style');
    expect(svgWithoutStyle(svg).length).toBe(svg.length - style.length - '<style></style>'.length);
  });
});
