/**
 * Export of a figure: its chart as SVG or PNG, its data as CSV or JSON, and a numpy script that
 * reproduces it, as file downloads. Everything is built from the live DOM and the figure's data
 * and settings; nothing is fetched.
 */
import type { ChartTable } from '../charts/common.ts';
import type { PythonFigure } from '../python/script.ts';

const LOAD_FAILED = 'the Python script generator did not load; check the connection and press Python again';
/** Fired on the document each time the script templates load: every bar that said they could not takes it back. */
const LOADED = 'python-generator-loaded';
// The script templates (tens of KB) load when a reader reaches for a Python button, not with the page.
const pythonModule = () =>
  import('../python/script.ts').then((m) => {
    document.dispatchEvent(new Event(LOADED));
    return m;
  });

/** Starts a download of `blob` named `filename`. */
export function download(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The page's background colour: the body's, else the root's (the site paints <html>), else white. */
function pageBackground(): string {
  const clear = (c: string) => !c || c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
  for (const el of [document.body, document.documentElement]) {
    const c = getComputedStyle(el).backgroundColor;
    if (!clear(c)) return c;
  }
  return '#ffffff';
}

/** Width and height of an svg from its viewBox (Plot sets one), else its attributes. */
function size(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox?.baseVal;
  if (box && box.width > 0) return { width: box.width, height: box.height };
  return { width: Number(svg.getAttribute('width')) || 640, height: Number(svg.getAttribute('height')) || 400 };
}

/** Copies into `clone` each element its <use>s draw from elsewhere in `doc` (the page's shared-path sprite). */
export function inlineReferences(clone: SVGSVGElement, doc: Document): void {
  const own = new Set([...clone.querySelectorAll('[id]')].map((e) => e.id));
  let defs: Element | null = null;
  for (const use of clone.querySelectorAll('use')) {
    const id = (use.getAttribute('href') ?? use.getAttribute('xlink:href') ?? '').replace(/^#/, '');
    const target = id && !own.has(id) ? doc.getElementById(id) : null;
    if (!target) continue;
    defs ??= clone.insertBefore(doc.createElementNS('http://www.w3.org/2000/svg', 'defs'), clone.firstChild);
    defs.append(target.cloneNode(true));
    own.add(id);
  }
}

/**
 * A standalone SVG document of `svg`: namespaces set, explicit size, and the page's current text
 * and background colours baked in (the chart uses currentColor and CSS variables).
 */
export function svgDocument(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = size(svg);
  const style = getComputedStyle(svg);
  const bg = pageBackground();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // The page's responsive sizing (width: 100%) would stretch the file to its viewer's window.
  for (const prop of ['width', 'height', 'max-width']) clone.style.removeProperty(prop);
  clone.style.color = style.color;
  clone.style.background = bg;
  clone.style.setProperty('--plot-background', bg);
  clone.style.setProperty('--bg', bg);
  inlineReferences(clone, svg.ownerDocument);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Renders `svg` to a PNG at `scale` × its size. @throws Error if the browser cannot rasterize it. */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = size(svg);
  const url = URL.createObjectURL(new Blob([svgDocument(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('could not draw the chart as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas available');
    context.fillStyle = pageBackground();
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** RFC 4180 CSV of a table; text cells that a spreadsheet would run as a formula are prefixed with '. */
export function csv(table: ChartTable): string {
  const cell = (v: string | number) => {
    let s = String(v);
    // Only a whole plain number may start with '-': "-2+3+cmd|' /C calc'!A0" is a formula too.
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** JSON with typed arrays as plain arrays and non-finite numbers as strings ("NaN", "Infinity"). */
export function json(data: unknown): string {
  return JSON.stringify(data, (_k, v) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  }, 2);
}

/** What an export toolbar needs from its figure at the moment a button is pressed (only what its buttons save). */
export interface Exportable {
  readonly name: string;
  svg?(): SVGSVGElement | null;
  table?(): ChartTable;
  data?(): unknown;
  /** The figure's script at its current settings. */
  python?(): PythonFigure;
}

/**
 * Where a figure sits, for a script's header: the page title, the section (the nearest heading
 * before the figure) and the address, e.g. 'Lesson title, section "Deeper networks" (https://…)'.
 */
export function figureSource(el: Element): string {
  let section = '';
  for (let node: Element | null = el; node && !section; node = node.parentElement) {
    let prev = node.previousElementSibling;
    while (prev && !/^H[1-4]$/.test(prev.tagName)) prev = prev.previousElementSibling;
    if (prev) section = (prev.textContent ?? '').replace(/\s+/g, ' ').replace(/#$/, '').trim();
  }
  const title = document.title.trim();
  return `${title ? `"${title}"` : 'the page'}${section ? `, section "${section}"` : ''} (${location.origin}${location.pathname})`;
}

/**
 * Shows `message` in a notice right after the Save bar `toolbar` (where the reader pressed), or
 * removes that notice when `message` is ''. Text only, never HTML.
 */
export function showExportError(toolbar: Element, message: string): void {
  let note = toolbar.nextElementSibling;
  if (!note?.classList.contains('export-error')) {
    if (message === '') return;
    note = toolbar.ownerDocument.createElement('p');
    note.className = 'export-error';
    note.setAttribute('role', 'alert');
    toolbar.after(note);
  }
  if (message === '') note.remove();
  else note.textContent = message;
}

/**
 * Wires the buttons inside `toolbar` (data-export="svg|png|csv|json|python") to `figure`. A failed
 * export is said beside the bar (`showExportError`) and cleared by the next one that succeeds; a
 * failed load of the script templates is cleared on every bar once they load.
 */
export function bindExportButtons(toolbar: Element, figure: Exportable): () => void {
  const handler = async (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-export]');
    if (!button) return;
    const kind = button.dataset.export;
    try {
      // Only an image export needs the chart (building it can be work: the maps are composed on demand).
      const svg = (kind === 'svg' || kind === 'png') && figure.svg ? figure.svg() : null;
      if (kind === 'svg' && svg) download(new Blob([svgDocument(svg)], { type: 'image/svg+xml' }), `${figure.name}.svg`);
      if (kind === 'png' && svg) download(await pngBlob(svg), `${figure.name}.png`);
      if (kind === 'csv' && figure.table) download(new Blob([csv(figure.table())], { type: 'text/csv' }), `${figure.name}.csv`);
      if (kind === 'json' && figure.data) download(new Blob([json(figure.data())], { type: 'application/json' }), `${figure.name}.json`);
      if (kind === 'python' && figure.python) {
        // The settings as of the click; the script is named like the figure's other downloads.
        const spec = { ...figure.python(), name: figure.name };
        const { pythonScript } = await pythonModule().catch(() => {
          throw new Error(LOAD_FAILED);
        });
        download(new Blob([pythonScript(spec)], { type: 'text/x-python' }), `${figure.name}.py`);
      }
      showExportError(toolbar, '');
    } catch (e) {
      showExportError(toolbar, `Export failed: ${(e as Error).message}`);
    }
  };
  const prefetch = () => void pythonModule().catch(() => undefined);
  const loaded = () => {
    if (toolbar.nextElementSibling?.classList.contains('export-error') && toolbar.nextElementSibling.textContent?.endsWith(LOAD_FAILED)) showExportError(toolbar, '');
  };
  toolbar.addEventListener('click', handler);
  toolbar.addEventListener('pointerover', prefetch, { once: true });
  toolbar.addEventListener('focusin', prefetch, { once: true });
  document.addEventListener(LOADED, loaded);
  return () => {
    document.removeEventListener(LOADED, loaded);
    toolbar.removeEventListener('click', handler);
    toolbar.removeEventListener('pointerover', prefetch);
    toolbar.removeEventListener('focusin', prefetch);
  };
}
