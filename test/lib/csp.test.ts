import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/render.ts';
import { NUMBER_FORMAT_WARM_UP, plotStyleHashes, sha256, THEME_SCRIPT } from '../../src/lib/csp.ts';

describe('csp hashes', () => {
  it('hashes text as CSP expects: base64 SHA-256 of the UTF-8 bytes', () => {
    expect(sha256('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(sha256(THEME_SCRIPT)).toBe(`sha256-${createHash('sha256').update(Buffer.from(THEME_SCRIPT, 'utf8')).digest('base64')}`);
  });

  it('covers the <style> of a real chart', () => {
    const svg = renderSvg({ marks: [], x: { domain: [0, 1] }, y: { domain: [0, 1] } });
    const styles = [...svg.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
    expect(styles.length).toBeGreaterThan(0);
    for (const hash of styles) expect(plotStyleHashes()).toContain(hash);
  });

  it('the theme script sets data-theme before paint', () => {
    expect(THEME_SCRIPT).toContain("document.documentElement.setAttribute('data-theme', theme)");
  });

  it('the warm-up makes one en-US number format, later, in a task of its own', () => {
    const timers: (() => void)[] = [];
    const made: unknown[] = [];
    class Probe { constructor(locale: string) { made.push(locale); } }
    new Function('setTimeout', 'Intl', NUMBER_FORMAT_WARM_UP)((f: () => void) => timers.push(f), { NumberFormat: Probe });
    expect(made).toEqual([]);
    expect(timers).toHaveLength(1);
    timers[0]();
    expect(made).toEqual(['en-US']);
  });
});
