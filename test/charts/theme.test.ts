import { describe, expect, it } from 'vitest';
import {
  categorical, classColors, depthColors, fontSize, ink, mix, probabilityFill, probabilityMaxOpacity, seriesColor,
} from '../../src/charts/theme.ts';

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const toLinear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (h: string) => {
  const [r, g, b] = hex(h).map(toLinear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

// Machado, Oliveira & Fernandes (2009), severity 1, applied in linear RGB.
const CVD: Record<string, number[][]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
function lab(h: string, m: number[][]): number[] {
  const l = hex(h).map(toLinear);
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2])));
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const X = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const Y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const Z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)];
}
const deltaE = (a: string, b: string, m: number[][]) => Math.hypot(...lab(a, m).map((v, i) => v - lab(b, m)[i]));

const backgrounds = { white: '#ffffff', site: '#0d1117', dark: '#121212', darker: '#1e1e1e' };

describe('palette', () => {
  it('has two class colours and six categorical colours, all #rrggbb', () => {
    expect(classColors).toHaveLength(2);
    expect(categorical).toHaveLength(6);
    for (const c of [...classColors, ...categorical]) expect(c).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(new Set(categorical.map((c) => c.toLowerCase())).size).toBe(6);
  });

  for (const [name, bg] of Object.entries(backgrounds)) {
    it(`keeps every mark colour at ≥ 3:1 contrast on ${name} (${bg})`, () => {
      for (const c of [...classColors, ...categorical, ...depthColors(12)]) {
        expect(contrast(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    });
  }

  for (const [name, m] of Object.entries(CVD)) {
    it(`keeps the colours apart under simulated ${name}`, () => {
      expect(deltaE(classColors[0], classColors[1], m)).toBeGreaterThan(40);
      for (let i = 0; i < categorical.length; i++) {
        for (let j = i + 1; j < categorical.length; j++) {
          expect(deltaE(categorical[i], categorical[j], m), `${categorical[i]} vs ${categorical[j]}`).toBeGreaterThan(12);
        }
      }
    });
  }

  it('draws text and axes in currentColor so they follow the page', () => {
    expect(ink).toBe('currentColor');
    expect(fontSize).toBeGreaterThanOrEqual(10);
  });

  it('cycles series colours past six', () => {
    expect(seriesColor(0)).toBe(categorical[0]);
    expect(seriesColor(6)).toBe(categorical[0]);
    expect(seriesColor(-1)).toBe(categorical[5]);
  });
});

describe('depthColors', () => {
  it('runs from blue (layer 1) to vermillion (last layer) with distinct steps', () => {
    expect(depthColors(0)).toEqual([]);
    expect(depthColors(1)).toEqual(['#0072B2']);
    const c = depthColors(7);
    expect(c).toHaveLength(7);
    expect(c[0].toLowerCase()).toBe('#0072b2');
    expect(c[6].toLowerCase()).toBe('#d55e00');
    expect(new Set(c).size).toBe(7);
  });

  it('rejects a bad count', () => {
    expect(() => depthColors(-1)).toThrow(RangeError);
    expect(() => depthColors(1.5)).toThrow(RangeError);
  });

  it('mixes hex colours linearly', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#0072B2', '#D55E00', 0)).toBe('#0072b2');
  });
});

describe('probabilityFill', () => {
  it('is the class-0 colour at 0, transparent (the page) at 0.5 and the class-1 colour at 1', () => {
    expect(probabilityFill(0)).toEqual({ color: classColors[0], opacity: probabilityMaxOpacity });
    expect(probabilityFill(0.5).opacity).toBe(0);
    expect(probabilityFill(1)).toEqual({ color: classColors[1], opacity: probabilityMaxOpacity });
  });

  it('grows in opacity away from 0.5 on both sides', () => {
    const o = [0.5, 0.6, 0.75, 0.9, 1].map((p) => probabilityFill(p).opacity);
    for (let i = 1; i < o.length; i++) expect(o[i]).toBeGreaterThan(o[i - 1]);
    expect(probabilityFill(0.2).opacity).toBeCloseTo(probabilityFill(0.8).opacity, 12);
  });

  it('clamps out-of-range values and makes NaN transparent', () => {
    expect(probabilityFill(-3)).toEqual(probabilityFill(0));
    expect(probabilityFill(7)).toEqual(probabilityFill(1));
    expect(probabilityFill(NaN).opacity).toBe(0);
  });
});
