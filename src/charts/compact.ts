/**
 * Compact prerendered SVG (build time only; live charts keep full precision): pixel geometry
 * rounded to 0.1 px, polylines (Plot's lines, contours) simplified to within SIMPLIFY_PX of the
 * original with Ramer–Douglas–Peucker, and nodes that draw nothing removed. Charts render at
 * about one SVG unit per CSS px, so none of this is visible.
 */
import { elements } from './render-dom.ts';

/** Largest distance (px) between a simplified polyline and the original. */
export const SIMPLIFY_PX = 0.25;

const round1 = (n: number) => Math.round(n * 10) / 10;
const num = (n: number) => String(round1(n) === 0 ? 0 : round1(n));

/** Attributes that hold plain pixel numbers. */
const NUMBERS = new Set(['cx', 'cy', 'r', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'dx', 'dy', 'width', 'height', 'points']);

/** Indices of the points RDP keeps: within `epsilon` of the polyline through all of them. */
export function simplify(xs: readonly number[], ys: readonly number[], epsilon = SIMPLIFY_PX): number[] {
  const n = xs.length;
  if (n <= 2) return [...Array(n).keys()];
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const dx = xs[b] - xs[a];
    const dy = ys[b] - ys[a];
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = len === 0 ? Math.hypot(xs[i] - xs[a], ys[i] - ys[a]) : Math.abs(dy * (xs[i] - xs[a]) - dx * (ys[i] - ys[a])) / len;
      if (d > worst) (worst = d), (at = i);
    }
    if (worst > epsilon) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return [...keep.keys()].filter((i) => keep[i]);
}

const POLYLINE = /^(?:\s*[ML]\s*-?[\d.]+(?:e-?\d+)?\s*,?\s*-?[\d.]+(?:e-?\d+)?|\s*Z)+\s*$/i;

/**
 * Path data of absolute M/L/Z polylines, simplified and rounded; other path data only rounded.
 * The first and last point of every sub-path are kept, so closed shapes stay closed.
 */
export function compactPath(d: string): string {
  if (!POLYLINE.test(d) || /[ml]/.test(d)) return d.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/g, (n) => num(Number(n)));
  let out = '';
  for (const sub of d.match(/M[^M]*/gi) ?? []) {
    const closed = /Z\s*$/i.test(sub);
    const coords = [...sub.matchAll(/(-?[\d.]+(?:e-?\d+)?)\s*,?\s*(-?[\d.]+(?:e-?\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const xs = coords.map((c) => c[0]);
    const ys = coords.map((c) => c[1]);
    const kept = simplify(xs, ys);
    out += kept.map((i, k) => `${k === 0 ? 'M' : 'L'}${num(xs[i])},${num(ys[i])}`).join('') + (closed ? 'Z' : '');
  }
  return out;
}

/** Whether `e` draws nothing and holds nothing that does (and no id another element may use). */
function invisible(e: Element): boolean {
  if (e.hasAttribute('id')) return false;
  const tag = e.tagName.toLowerCase();
  if (e.getAttribute('opacity') === '0' || e.getAttribute('display') === 'none' || e.getAttribute('visibility') === 'hidden') return true;
  if (tag === 'g' && e.children.length === 0 && !e.hasAttribute('aria-label')) return true;
  return tag === 'path' && !/\d/.test(e.getAttribute('d') ?? '');
}

/** Rounds pixel geometry with 3 or more decimals to 0.01 px, in place: the default for charts outside pages. */
export function roundGeometry(svg: Element): void {
  const GEOMETRY = new Set([...NUMBERS, 'd', 'transform']);
  for (const e of elements(svg)) {
    for (const name of e.getAttributeNames()) {
      if (!GEOMETRY.has(name)) continue;
      const v = e.getAttribute(name)!;
      const r = v.replace(/-?\d*\.\d{3,}(?:e[-+]?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100));
      if (r !== v) e.setAttribute(name, r);
    }
  }
}

/** Compacts `svg` in place (see the module comment). */
export function compactSvg(svg: Element): void {
  for (const e of elements(svg).reverse()) {
    if (e !== svg && invisible(e)) {
      e.remove();
      continue;
    }
    for (const name of e.getAttributeNames()) {
      const v = e.getAttribute(name)!;
      let r = v;
      if (name === 'd') r = compactPath(v);
      else if (NUMBERS.has(name)) r = v.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/g, (n) => num(Number(n)));
      // Only translations: a scale() or matrix() factor is not a pixel length.
      else if (name === 'transform') r = v.replace(/translate\(([^)]*)\)/g, (t, args: string) => `translate(${args.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/g, (n) => num(Number(n)))})`);
      if (r !== v) e.setAttribute(name, r);
    }
  }
}
