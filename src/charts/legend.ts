/**
 * Legends drawn as ordinary marks inside the svg (Plot's own legends are separate elements, which
 * would make Plot wrap the chart in a <figure>), wrapped into rows at the width they may use.
 */
import * as Plot from '@observablehq/plot';
import { fontSize, ink } from './theme.ts';

/** One legend entry: its text, colour and how the swatch looks (matching the mark it explains). */
export interface LegendItem {
  label: string;
  color: string;
  swatch: 'dot' | 'ring' | 'line' | 'dashed' | 'square';
}

/** Where a legend goes: its top-left corner in svg px and the width it may use before wrapping. */
export interface LegendLayout {
  left: number;
  top: number;
  width: number;
  /** The plot's marginLeft and marginTop: legend marks are placed relative to the frame's corner. */
  marginLeft: number;
  marginTop: number;
}

/** Height in px of one legend row. */
const legendRowHeight = fontSize + 6;

/** A short horizontal line as a Plot symbol (for line swatches). */
const lineSymbol = { draw(ctx: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }) { ctx.moveTo(-8, 0); ctx.lineTo(8, 0); } };

function swatchWidth(item: LegendItem): number {
  return item.swatch === 'line' || item.swatch === 'dashed' ? 16 : 10;
}

/** Estimated width in px of text at the chart font size (no measuring: builders have no DOM). */
export function textWidth(s: string): number {
  return [...s].length * fontSize * 0.62;
}

/** Positions of legend entries: x of the swatch centre, y of the row centre, wrapping at layout.width. */
function legendPositions(items: readonly LegendItem[], width: number): { x: number; row: number }[] {
  let x = 0;
  let row = 0;
  return items.map((item) => {
    const w = swatchWidth(item) + 5 + textWidth(item.label);
    if (x > 0 && x + w > width) (x = 0), (row += 1);
    const at = { x: x + swatchWidth(item) / 2, row };
    x += w + 16;
    return at;
  });
}

/** Number of rows a legend needs at this width (0 for no items). */
export function legendRows(items: readonly LegendItem[], width: number): number {
  return items.length === 0 ? 0 : legendPositions(items, width).at(-1)!.row + 1;
}

/** Legend entries as dot and text marks drawn once per figure (facet "super"), in the given box. */
export function legendMarks(items: readonly LegendItem[], layout: LegendLayout): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  legendPositions(items, layout.width).forEach(({ x, row }, i) => {
    const item = items[i];
    const at = {
      frameAnchor: 'top-left' as const,
      facet: 'super' as const,
      dx: layout.left + x - layout.marginLeft,
      dy: layout.top + row * legendRowHeight + legendRowHeight / 2 - layout.marginTop,
    };
    const line = item.swatch === 'line' || item.swatch === 'dashed';
    marks.push(Plot.dot([item.label], {
      ...at,
      r: item.swatch === 'square' ? 5 : 4,
      symbol: line ? lineSymbol : item.swatch === 'square' ? 'square' : 'circle',
      fill: item.swatch === 'dot' || item.swatch === 'square' ? item.color : 'none',
      stroke: item.swatch === 'dot' || item.swatch === 'square' ? 'none' : item.color,
      strokeWidth: line ? 2.5 : 1.5,
      strokeDasharray: item.swatch === 'dashed' ? '4,3' : undefined,
      ariaHidden: 'true',
    }));
    marks.push(Plot.text([item.label], {
      ...at,
      dx: at.dx + swatchWidth(item) / 2 + 5,
      text: (d: string) => d,
      textAnchor: 'start',
      lineAnchor: 'middle',
      fill: ink,
    }));
  });
  return marks;
}

/**
 * A legend in rows above the frame, between the side margins, its first row at `top` px: the
 * marginTop the chart needs for it (26 without items) and its marks.
 */
export function legendAbove(
  items: readonly LegendItem[], box: { width: number; marginLeft: number; marginRight: number }, top = 18,
): { marginTop: number; marks: Plot.Markish[] } {
  const width = box.width - box.marginLeft - box.marginRight;
  const rows = legendRows(items, width);
  const marginTop = rows ? top + rows * legendRowHeight + 10 : 26;
  return { marginTop, marks: legendMarks(items, { left: box.marginLeft, top, width, marginLeft: box.marginLeft, marginTop }) };
}
