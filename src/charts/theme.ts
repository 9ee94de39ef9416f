/**
 * The charts' palette. Every colour keeps ≥ 3:1 contrast against white and against dark pages
 * (#0d1117–#1e1e1e), so marks read in both themes; hues follow Okabe & Ito (2008) so readers with
 * colour-vision deficiencies can tell them apart. Text, axes and grid use `currentColor`, so they
 * follow the page's text colour.
 */

/** Colours of class 0 (vermillion) and class 1 (blue), indexed by label. */
export const classColors = ['#D55E00', '#0072B2'] as const;

/** Names shown in legends for class 0 and class 1. */
export const classNames = ['class 0', 'class 1'] as const;

/**
 * Categorical colours for up to 6 series (e.g. init schemes), in order of use: Okabe–Ito blue,
 * vermillion, bluish green and reddish purple, then a violet and a crimson chosen so every pair stays
 * ≥ 12 ΔE apart under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009).
 */
export const categorical = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#9440E8', '#D42A5A'] as const;

/** Colour of the i-th series; wraps around after 6 (callers should not need more). */
export function seriesColor(i: number): string {
  const n = categorical.length;
  return categorical[((i % n) + n) % n];
}

/** Colour for text, axes and rules: the page's text colour. */
export const ink = 'currentColor';

/** Page background for halos behind labels; the site defines --bg, other hosts fall back to Canvas. */
export const background = 'var(--bg, Canvas)';

/** Text options for a halo in the page colour, so a label stays legible where it crosses lines. */
export const halo = { stroke: background, strokeWidth: 3, paintOrder: 'stroke' } as const;

/** Opacity of the grid lines and neutral shading drawn in `ink`. */
export const faint = { grid: 0.12, band: 0.08, rule: 0.5 } as const;

/** Font size of chart text in px (Plot's default is 10, a little small once the SVG scales down). */
export const fontSize = 11;

/** Stops of the depth ramp (layer 1 → layer L): blue, reddish purple, vermillion. */
const depthStops = ['#0072B2', '#CC79A7', '#D55E00'] as const;

function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function rgbToHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Linear RGB-space interpolation between hex colours a and b at t ∈ [0, 1]; returns #rrggbb. */
export function mix(a: string, b: string, t: number): string {
  const ca = hexToRgb(a);
  const cb = hexToRgb(b);
  return rgbToHex(ca.map((c, i) => c + (cb[i] - c) * t));
}

/**
 * n colours ordered by depth (first layer blue, last vermillion), each readable on light and dark
 * pages. @throws RangeError if n is not a non-negative integer.
 */
export function depthColors(n: number): string[] {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`depthColors needs an integer n ≥ 0, got ${n}`);
  if (n === 1) return [depthStops[0]];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = (i / (n - 1)) * (depthStops.length - 1);
    const k = Math.min(Math.floor(t), depthStops.length - 2);
    out.push(mix(depthStops[k], depthStops[k + 1], t - k));
  }
  return out;
}

/** Largest opacity of the probability map, so outlined points on it stay visible. */
export const probabilityMaxOpacity = 0.6;

/**
 * Diverging scheme for P(y = 1) ∈ [0, 1]: class-0 colour at 0, class-1 colour at 1, and a neutral
 * mid that is the page itself (opacity 0 at 0.5), so the map reads on light and dark pages alike.
 * NaN or out-of-range p is clamped (NaN → transparent).
 * @returns the colour (#rrggbb) and its opacity in [0, probabilityMaxOpacity].
 */
export function probabilityFill(p: number): { color: string; opacity: number } {
  if (!(p === p)) return { color: classColors[0], opacity: 0 };
  const q = Math.min(1, Math.max(0, p));
  const d = Math.abs(2 * q - 1);
  // sqrt so moderately confident regions (p ≈ 0.7) already show their hue clearly.
  return { color: q < 0.5 ? classColors[0] : classColors[1], opacity: probabilityMaxOpacity * Math.sqrt(d) };
}
