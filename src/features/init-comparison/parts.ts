/**
 * Small pieces of <init-comparison> that need no island state: the speed → pace table, the
 * URL specs, the log-scale slider's range, the composition of the small multiples into one SVG for export, and
 * the patching of a live map's changing layers.
 */
import { suffixIds } from '../../kit/id-copy.ts';
import { fromSlider, type LogRange } from '../../kit/log-slider.ts';
import { atSpeed, speedParam } from '../../kit/pace.ts';
import type { Specs } from '../../kit/url-state.ts';
import type { Pace } from '../../run/protocol.ts';
import { logRanges, urlSpecs } from '../../kit/settings.ts';
import { formatScale, type ComparisonSettings } from './views.ts';
import { comparisonSettings } from './schema.ts';

/** Speed 1–5 → iterations per chunk and the pause between chunks (the same for every scheme). */
export const PACES: readonly Pace[] = [
  { chunk: 10, delayMs: 40 },
  { chunk: 25, delayMs: 30 },
  { chunk: 50, delayMs: 25 },
  { chunk: 100, delayMs: 16 },
  { chunk: 250, delayMs: 0 },
];

/** Iterations in a playing run's first chunk: a short one, so the first live frame follows the scroll within 200 ms. */
export const FIRST_CHUNK = 1;

/**
 * Iterations the next lockstep chunk trains, from iteration `from` at `speed` (1–5): the rest of the
 * run under reduced motion, FIRST_CHUNK to start a playing run, else the pace's chunk. `once` is Step.
 */
export function chunkSize(speed: number, from: number, iterations: number, { once = false, reducedMotion = false } = {}): number {
  const pace = atSpeed(PACES, speed).chunk;
  if (once) return pace;
  return reducedMotion ? iterations : from === 0 ? Math.min(FIRST_CHUNK, pace) : pace;
}

/** Scale range of the log slider (it moves log10(scale) within the setting's bounds). */
export const SCALE_RANGE: LogRange = logRanges(comparisonSettings).scale;

/** The scale for a slider position (log10 of it), rounded to 3 significant digits and clamped; 1 for no number. */
export const scaleFromSlider = (raw: string): number => fromSlider(raw, SCALE_RANGE) ?? 1;

/** URL specs of the explorer's settings; the learning rate and iterations also accept the page's own defaults. */
export function comparisonSpecs(defaults: ComparisonSettings): Specs<ComparisonSettings> {
  const specs = urlSpecs(comparisonSettings, defaults) as unknown as Specs<Omit<ComparisonSettings, 'speed'>>;
  return { ...specs, scale: { ...specs.scale, format: formatScale }, speed: speedParam };
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function boxOf(svg: SVGSVGElement): { width: number; height: number } {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  return w > 0 && h > 0 ? { width: w, height: h } : { width: Number(svg.getAttribute('width')) || 240, height: Number(svg.getAttribute('height')) || 240 };
}

/**
 * One SVG holding copies of `maps` in a grid of `columns`, and `legend` centred below: the small
 * multiples as a single image. Null when there is no map.
 */
export function composeSvgs(maps: readonly SVGSVGElement[], legend: SVGSVGElement | null, columns: number, doc: Document = document): SVGSVGElement | null {
  if (maps.length === 0) return null;
  const cols = Math.max(1, Math.min(columns, maps.length));
  const cell = boxOf(maps[0]);
  const rows = Math.ceil(maps.length / cols);
  const legendBox = legend ? boxOf(legend) : { width: 0, height: 0 };
  const width = cols * cell.width;
  const height = rows * cell.height + legendBox.height;
  const out = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('role', 'img');
  out.setAttribute('aria-label', maps.map((m) => m.getAttribute('aria-label') ?? '').filter(Boolean).join('; '));
  const place = (svg: SVGSVGElement, x: number, y: number, box: { width: number; height: number }) => {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    // The page's responsive sizing would override the nested svg's own geometry.
    for (const prop of ['width', 'height', 'max-width']) copy.style.removeProperty(prop);
    copy.setAttribute('x', String(x));
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(box.width));
    copy.setAttribute('height', String(box.height));
    out.append(copy);
  };
  maps.forEach((m, i) => place(m, (i % cols) * cell.width, Math.floor(i / cols) * cell.height, cell));
  if (legend) place(legend, (width - legendBox.width) / 2, rows * cell.height, legendBox);
  // The composed copy waits attached on the page: its ids must not repeat the maps'.
  suffixIds(out, '-export');
  return out;
}

/** The layers of a decision map that change while training (Plot labels its mark groups). */
const LIVE_LAYERS = ['raster', 'contour', 'text'] as const;

function clipOf(layer: Element, svg: Element): Element | null {
  const id = /url\(#([^)]+)\)/.exec(layer.getAttribute('clip-path') ?? '')?.[1];
  return id ? [...svg.querySelectorAll('clipPath')].find((c) => c.id === id) ?? null : null;
}

/**
 * Moves the layers of `source` that change while training (raster, contour with its clip path,
 * title) into `target`, which keeps its 1000 data points: far less work for the page than a new
 * svg. Returns false, changing nothing, when either lacks one of them.
 */
export function patchLayers(target: SVGSVGElement, source: SVGSVGElement): boolean {
  const pairs = LIVE_LAYERS.map((label) => [target.querySelector(`:scope > [aria-label="${label}"]`), source.querySelector(`:scope > [aria-label="${label}"]`)] as const);
  if (pairs.some(([a, b]) => !a || !b)) return false;
  for (const [old, fresh] of pairs as (readonly [Element, Element])[]) {
    const oldClip = clipOf(old, target);
    const freshClip = clipOf(fresh, source);
    old.replaceWith(fresh);
    oldClip?.remove();
    if (freshClip) fresh.before(freshClip);
  }
  target.setAttribute('aria-label', source.getAttribute('aria-label') ?? '');
  return true;
}
