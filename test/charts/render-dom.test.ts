import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { elements, finish, plotOptions, renderElement, swapChart } from '../../src/charts/render-dom.ts';
import { costCurve } from '../../src/charts/cost-curve.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { costData } from './fixtures.ts';

// A real-DOM stand-in: linkedom has everything renderElement needs except a canvas.
const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

describe('renderElement', () => {
  it('returns an <svg role="img"> element with the aria-label, created in the given document', () => {
    const d = doc();
    const options = costCurve(costData(), { yScale: 'log' });
    const svg = renderElement(options, d);
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.ownerDocument).toBe(d);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(options.ariaLabel);
    expect(svg.getAttribute('style')).toContain('width: 100%');
  });

  it('draws the same marks as the build-time renderer', () => {
    const options = costCurve(costData(), { yScale: 'linear' });
    const el = renderElement(options, doc());
    const str = renderSvg(options);
    expect(el.querySelectorAll('path').length).toBe((str.match(/<path/g) ?? []).length);
    expect(el.querySelectorAll('text').length).toBe((str.match(/<text/g) ?? []).length);
  });
});

describe('plotOptions and finish', () => {
  it('forces figure: false and drops title, subtitle and caption', () => {
    const d = doc();
    const o = plotOptions({ title: 'x', subtitle: 'y', caption: 'z', width: 10 }, d) as Record<string, unknown>;
    expect(o.figure).toBe(false);
    expect(o.document).toBe(d);
    expect('title' in o || 'subtitle' in o || 'caption' in o).toBe(false);
  });

  it('refuses anything but an svg', () => {
    const d = doc();
    expect(() => finish(d.createElement('figure'), {})).toThrow(/expected <svg>/);
  });

  it('walks the element and all its descendants in document order', () => {
    const svg = Plot.plot({ document: doc(), marks: [Plot.dot([1, 2, 3], { x: (v: number) => v })] }) as unknown as Element;
    const all = elements(svg);
    expect(all.filter((e) => e.tagName.toLowerCase() === 'circle')).toHaveLength(3);
    const order = [svg, ...svg.querySelectorAll('*')];
    expect(all).toHaveLength(order.length);
    expect(all.every((e, i) => e === order[i])).toBe(true);
  });
});

describe('swapChart', () => {
  it('keeps the old chart\'s <style> node and moves the new chart\'s content and attributes in', () => {
    const d = doc();
    const container = d.createElement('div');
    d.body.append(container);
    const first = renderElement(costCurve(costData(), { yScale: 'linear' }), d);
    container.append(first);
    const style = first.querySelector('style');
    const next = renderElement(costCurve(costData(), { yScale: 'log', ariaLabel: 'log chart' }), d);
    const expected = next.outerHTML;
    swapChart(container, next);
    expect(container.children).toHaveLength(1);
    expect(container.firstElementChild).toBe(first);
    expect(first.querySelector('style')).toBe(style);
    expect(first.querySelectorAll('style')).toHaveLength(1);
    expect(first.getAttribute('aria-label')).toBe('log chart');
    expect(first.outerHTML).toBe(expected);
  });

  it('replaces the content outright when there is no chart with the same <style> yet', () => {
    const d = doc();
    const container = d.createElement('div');
    container.innerHTML = '<p>prerendered text</p>';
    const svg = renderElement(costCurve(costData(), { yScale: 'linear' }), d);
    swapChart(container, svg);
    expect(container.firstElementChild).toBe(svg);
    expect(container.children).toHaveLength(1);
  });
});
