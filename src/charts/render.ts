/**
 * Turns a builder's Plot options into one accessible, responsive <svg>: as a string at build time
 * (linkedom as the DOM) or, re-exported from render-dom.ts, as an element in the browser.
 * Builders never touch the DOM; this does. Islands should import render-dom.ts (or browser.ts),
 * which does not pull linkedom into the client bundle.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { compactSvg, roundGeometry } from './compact.ts';
import { PngCanvas, storedZlib, type Deflate } from './png.ts';
import { finish, plotOptions, type ChartOptions } from './render-dom.ts';

export { renderElement, type ChartOptions } from './render-dom.ts';

/** node:zlib's deflate when running in Node (smaller images), else stored blocks. */
function nodeDeflate(): Deflate {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = proc?.getBuiltinModule?.('node:zlib') as { deflateSync(b: Uint8Array, o: object): Uint8Array } | undefined;
  return zlib ? (b) => new Uint8Array(zlib.deflateSync(b, { level: 9 })) : storedZlib;
}

/**
 * Renders Plot options to an SVG string without a browser (build time, Node): a fresh linkedom
 * document per call, a PNG canvas stand-in for rasters, geometry rounded to 0.01 px; with `compact`
 * (what pages inline), rounded to 0.1 px with simplified lines and no empty nodes (compact.ts).
 * The same options always give the same string.
 * @throws Error if Plot rejects the options or returns something other than an <svg>.
 */
export function renderSvg(options: ChartOptions, { compact = false }: { compact?: boolean } = {}): string {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const createElement = document.createElement.bind(document);
  const deflate = nodeDeflate();
  // linkedom's own canvas has no 2-D context; Plot.raster only needs ours.
  (document as unknown as { createElement: (name: string, o?: unknown) => unknown }).createElement = (name: string, o?: unknown) =>
    name.toLowerCase() === 'canvas' ? new PngCanvas(deflate) : createElement(name, o as ElementCreationOptions);
  const node = Plot.plot(plotOptions(options, document as unknown as Document)) as unknown as Element;
  if (compact) compactSvg(node);
  else roundGeometry(node);
  return finish(node, options).outerHTML;
}

