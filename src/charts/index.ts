/**
 * Everything in src/charts/: the browser-safe API (browser.ts) plus `renderSvg`, the build-time
 * renderer that uses linkedom. Islands should import browser.ts instead, to keep linkedom out of
 * the client bundle.
 */
export * from './browser.ts';
export { renderSvg } from './render.ts';
