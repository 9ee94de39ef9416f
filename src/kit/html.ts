/**
 * The one place text figures become HTML, used by the prerender (set:html) and the live page
 * (innerHTML). Every value passes through `escape`, so no number, label or prop can inject markup.
 */
import { displayCell, unbreakable, type ChartTable } from '../charts/common.ts';

/** Escapes text for HTML element content and attribute values. */
export function escape(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Escaped text with a line-break opportunity (<wbr>) after each slash between digits: layer sizes
 * such as 2/8/8/8/8/8/8/8/8/1 would otherwise be one unbreakable word, wider than a phone's column.
 * Text content (and so copying and reading the table back) is unchanged.
 */
export function breakableHtml(text: string): string {
  return escape(text).replace(/(\d)\/(?=\d)/g, '$1/<wbr>');
}

/**
 * A <table> with a header row; `caption` becomes its visible <caption>. An empty column name (the
 * corner above row headers) becomes an empty <td>: an empty <th> is a header that names nothing.
 */
export function tableHtml(table: ChartTable, options: { caption?: string; className?: string; rowHeaders?: boolean } = {}): string {
  const head = table.columns.map((c) => (c === '' ? '<td></td>' : `<th scope="col">${escape(unbreakable(c))}</th>`)).join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((v, i) => (i === 0 && options.rowHeaders ? `<th scope="row">${breakableHtml(String(v))}</th>` : `<td>${escape(displayCell(v))}</td>`)).join('')}</tr>`)
    .join('');
  const caption = options.caption ? `<caption>${escape(unbreakable(options.caption))}</caption>` : '';
  const note = table.note ? `<p class="table-note">${escape(table.note)}</p>` : '';
  return `<table${options.className ? ` class="${escape(options.className)}"` : ''}>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${note}`;
}

/** Lines of monospaced text. */
export function preHtml(lines: readonly string[], label: string): string {
  return `<pre class="figure-log" tabindex="0" aria-label="${escape(label)}">${lines.map(escape).join('\n')}</pre>`;
}

/** A definition list of label → value pairs. */
export function listHtml(items: readonly (readonly [string, string])[]): string {
  return `<dl class="figure-metrics">${items.map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`).join('')}</dl>`;
}
