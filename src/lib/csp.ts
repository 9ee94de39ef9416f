/**
 * Hashes for the inline code Astro's CSP (security.csp in astro.config.mjs) does not see: the
 * `is:inline` scripts in the page head (theme; number-format warm-up) and the `<style>` Plot puts
 * into every chart (in the prerendered SVGs and in charts the islands draw). Base.astro and
 * Article.astro add them to each page's policy.
 */
import { createHash } from 'node:crypto';
import { renderSvg } from '../charts/render.ts';

/** A CSP source hash (`sha256-…`) of an inline script or style text. */
export const sha256 = (text: string): `sha256-${string}` => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** Applies the stored or system theme before first paint, so there is no flash. */
export const THEME_SCRIPT = `(function () {
  var theme = null;
  try {
    theme = localStorage.getItem('theme');
  } catch (e) {}
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  document.documentElement.setAttribute('data-theme', theme);
})();`;

/**
 * Creates the page's first Intl.NumberFormat in a task of its own while the page parses. The first
 * one loads ICU's number data (35–45 ms in Chromium on our 2-core machine); without this, that lands
 * in the task that evaluates the chart modules (Plot makes its default format when it loads).
 */
export const NUMBER_FORMAT_WARM_UP = `setTimeout(function () { new Intl.NumberFormat('en-US'); }, 0);`;

let plotStyles: `sha256-${string}`[] | undefined;

/** Hashes of the <style> text Plot writes into a chart, read from Plot itself so upgrades follow. */
export function plotStyleHashes(): `sha256-${string}`[] {
  plotStyles ??= [...renderSvg({ marks: [] }).matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  return plotStyles;
}
