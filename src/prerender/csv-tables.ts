/**
 * Light pages: a prerendered data table of more than CSV_ROWS rows is not inlined in the page but
 * written as a CSV file beside it (dist/<page>/<name>.csv) and linked, with its first rows as a
 * preview, so a reader without JavaScript still opens every number in one click. Small tables stay
 * inline. The files are staged during rendering and copied next to the pages by the integration
 * in integration.ts (which also serves them in dev).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartTable } from '../charts/common.ts';
import { escape, tableHtml } from '../kit/html.ts';
import { csv } from '../kit/export.ts';

/** Tables with more rows than this become linked CSV files ("over a few dozen rows"). */
export const CSV_ROWS = 30;
/** Rows shown inline above the link. */
export const PREVIEW_ROWS = 5;
/** Environment variable through which the build tells renderers where to stage CSV files. */
export const STAGING_ENV = 'VG_CSV_STAGING';

/** Where CSV files are staged: the build's directory, else (dev server, tests) a fixed cache folder. */
export function stagingDir(root = process.cwd()): string {
  return process.env[STAGING_ENV] ?? join(root, 'node_modules', '.cache', 'vg-csv-dev');
}

/** A file name from a title: lower-case words joined by '-', at most 60 characters. */
export function slugify(title: string): string {
  const slug = title.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'table';
}

export interface DataTableOptions {
  /** The page's URL path (Astro.url.pathname) and the site's base (import.meta.env.BASE_URL). */
  readonly page: string;
  readonly base: string;
  /** What the table shows, for the file name and the link text. */
  readonly title: string;
  readonly caption?: string;
  readonly rowHeaders?: boolean;
}

/** The page's folder below the base: "/base/lessons/x/" → "lessons/x". */
export function pageFolder(page: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const path = page.startsWith(b) ? page.slice(b.length) : page.replace(/^\/+/, '');
  return path.replace(/(^|\/)index\.html$/, '').replace(/\/+$/, '');
}

/**
 * The HTML for `table`: the table itself when it is small, else a preview of its first rows and a
 * link to the full table as a CSV file written beside the page (same format as the export button).
 */
export function dataTableHtml(table: ChartTable, options: DataTableOptions): string {
  if (table.rows.length <= CSV_ROWS) return tableHtml(table, { caption: options.caption, rowHeaders: options.rowHeaders });
  const text = csv(table);
  const name = `${slugify(options.title)}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}.csv`;
  const folder = join(stagingDir(), pageFolder(options.page, options.base));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), text);
  const preview = tableHtml({ columns: table.columns, rows: table.rows.slice(0, PREVIEW_ROWS) }, { caption: options.caption, rowHeaders: options.rowHeaders });
  const rows = table.rows.length.toLocaleString('en-US');
  const note = table.note ? ` ${escape(table.note.trim().replace(/([^.])$/, '$1.'))}` : '';
  return `${preview}<p class="table-csv" data-csv="${escape(name)}">The first ${PREVIEW_ROWS} of ${rows} rows.${note} `
    + `<a href="${escape(name)}" download>Download all ${rows} rows as CSV</a> (${table.columns.length} columns).</p>`;
}

/** renderSvg options for charts inlined in pages: compact SVG (rounded, simplified lines, no empty nodes). */
export const PAGE_SVG = { compact: true } as const;
