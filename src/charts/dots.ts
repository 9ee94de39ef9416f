/**
 * Many same-coloured dots as ONE <path> (a round-capped zero-length sub-path per dot) instead of
 * one <circle> each. A lesson page shows over ten thousand data points; as circles they make the page heavy and
 * every chart swap slow (style, layout and paint scale with the number of SVG nodes).
 */
import * as Plot from '@observablehq/plot';
import { hash } from './render-dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** Fill, stroke and radius shared by every dot of the mark. */
export interface DotStyle {
  readonly r: number;
  readonly fill: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
}

/** Rows of this many px: points are written row by row, alternating direction, so each step is short. */
const BAND = 12;

/**
 * Path data with a zero-length sub-path at each point ("M x,y h0", then "m dx,dy h0" relative to the
 * previous one): stroked with round caps of width 2r, each renders as a disc of radius r (SVG 1.1
 * §11.4), at a tenth of a circle's markup. Positions are rounded to whole px (half a px at most off,
 * under a quarter of a dot) and ordered row by row, so the relative steps are a few characters.
 */
export function dotsPath(index: Iterable<number>, X: ArrayLike<number>, Y: ArrayLike<number>): string {
  const points: [number, number][] = [];
  for (const i of index) {
    const x = X[i];
    const y = Y[i];
    if (Number.isFinite(x) && Number.isFinite(y)) points.push([Math.round(x), Math.round(y)]);
  }
  const band = (p: [number, number]) => Math.floor(p[1] / BAND);
  points.sort((p, q) => band(p) - band(q) || (band(p) % 2 === 0 ? p[0] - q[0] : q[0] - p[0]) || p[1] - q[1]);
  let d = '';
  let px = 0;
  let py = 0;
  points.forEach(([x, y], k) => {
    const [dx, dy] = k === 0 ? [x, y] : [x - px, y - py];
    d += `${k === 0 ? 'M' : 'm'}${dx}${dy < 0 ? '' : ','}${dy}h0`;
    px = x;
    py = y;
  });
  return d;
}

/**
 * A Plot `render` option for a dot mark: draws its (faceted) points as one path with `style`, and
 * the outline underneath as a <use> of the same path (the point list is written once). Use it on
 * marks whose points share one colour and radius; Plot still computes scales and facets.
 */
export function renderAsPath(style: DotStyle): Plot.RenderFunction {
  return (index, _scales, values, _dimensions, context) => {
    const doc = context.document;
    const g = doc.createElementNS(SVG, 'g');
    g.setAttribute('aria-label', 'dot'); // named like Plot's own dot marks
    g.setAttribute('fill', 'none');
    g.setAttribute('stroke-linecap', 'round');
    const d = dotsPath(index, values.x as ArrayLike<number>, values.y as ArrayLike<number>);
    const width = (w: number) => String(Math.round(w * 100) / 100);
    // Stroke attributes sit on wrappers: a <use> clone inherits from the <use>, not from the path's own attributes.
    const fill = doc.createElementNS(SVG, 'g');
    fill.setAttribute('stroke', style.fill);
    fill.setAttribute('stroke-width', width(2 * style.r));
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    fill.append(path);
    if (style.stroke) {
      // A Plot-style id (plot-dots-<digits>): finish() renames it, like Plot's own, to one unique to the chart.
      const id = `plot-dots-${parseInt(hash(`${d}|${style.fill}|${style.r}`), 36)}`;
      path.setAttribute('id', id);
      const outline = doc.createElementNS(SVG, 'use');
      outline.setAttribute('href', `#${id}`);
      outline.setAttribute('stroke', style.stroke);
      outline.setAttribute('stroke-width', width(2 * style.r + 2 * (style.strokeWidth ?? 1)));
      g.append(outline);
    }
    g.append(fill);
    g.setAttribute('data-fill', style.fill);
    return g as unknown as SVGElement;
  };
}

/** A dot mark of one colour and radius drawn as one path: `style` is both the mark's look and the path's. */
export function pathDot(data: Plot.Data, options: Plot.DotOptions, style: DotStyle): Plot.Dot {
  return Plot.dot(data, { ...options, ...style, render: renderAsPath(style) });
}
