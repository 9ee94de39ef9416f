/**
 * Many same-coloured dots as ONE <path> (a round-capped zero-length sub-path per dot) instead of
 * one <circle> each. A lesson page shows over ten thousand data points; as circles they make the page heavy and
 * every chart swap slow (style, layout and paint scale with the number of SVG nodes).
 */
import * as Plot from '@observablehq/plot';

const SVG = 'http://www.w3.org/2000/svg';

/** Fill, stroke and radius shared by every dot of the mark. */
export interface DotStyle {
  readonly r: number;
  readonly fill: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
}

/**
 * Path data with a zero-length sub-path ("M x,y h0") at each point: stroked with round caps of
 * width 2r, each renders as a disc of radius r (SVG 1.1 §11.4), at a tenth of a circle's markup.
 */
export function dotsPath(index: Iterable<number>, X: ArrayLike<number>, Y: ArrayLike<number>): string {
  const parts: string[] = [];
  for (const i of index) {
    const x = X[i];
    const y = Y[i];
    if (Number.isFinite(x) && Number.isFinite(y)) parts.push(`M${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}h0`);
  }
  return parts.join('');
}

/**
 * A Plot `render` option for a dot mark: draws its (faceted) points as one path with `style`
 * (plus one underneath for the outline). Use it on marks whose points share one colour and radius;
 * Plot still computes scales and facets.
 */
export function renderAsPath(style: DotStyle): Plot.RenderFunction {
  return (index, _scales, values, _dimensions, context) => {
    const doc = context.document;
    const g = doc.createElementNS(SVG, 'g');
    g.setAttribute('aria-label', 'dot'); // named like Plot's own dot marks
    g.setAttribute('fill', 'none');
    g.setAttribute('stroke-linecap', 'round');
    const d = dotsPath(index, values.x as ArrayLike<number>, values.y as ArrayLike<number>);
    const layer = (color: string, width: number) => {
      const path = doc.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      path.setAttribute('stroke', color);
      path.setAttribute('stroke-width', String(Math.round(width * 100) / 100));
      g.append(path);
    };
    if (style.stroke) layer(style.stroke, 2 * style.r + 2 * (style.strokeWidth ?? 1));
    layer(style.fill, 2 * style.r);
    g.setAttribute('data-fill', style.fill);
    return g as unknown as SVGElement;
  };
}

/** A dot mark of one colour and radius drawn as one path: `style` is both the mark's look and the path's. */
export function pathDot(data: Plot.Data, options: Plot.DotOptions, style: DotStyle): Plot.Dot {
  return Plot.dot(data, { ...options, ...style, render: renderAsPath(style) });
}
