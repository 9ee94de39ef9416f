/**
 * Live tables and texts without rebuilding them: when a table of the same shape is already in the
 * page, only the cells whose text changed are touched, so a redraw while training restyles a few
 * text nodes instead of hundreds of new elements. Text only (layer indices raised, ./scripts), never HTML.
 */
import { displayCell, unbreakable, type ChartTable } from '../charts/browser.ts';
import { tableHtml } from '../figures/html.ts';
import { setScripted } from '../figures/scripts.ts';

/**
 * Shows `table` in `container`: updates the existing <table> cell by cell when its header and row
 * count match, else replaces the content with tableHtml(table, options).
 */
export function updateTable(container: Element, table: ChartTable, options: { rowHeaders?: boolean } = {}): void {
  const el = container.querySelector('table');
  const head = el ? [...el.querySelectorAll('thead tr > *')].map((th) => th.textContent) : [];
  const rows = el ? [...el.querySelectorAll('tbody tr')] : [];
  const same = el && head.length === table.columns.length && head.every((h, i) => h === (table.columns[i] === '' ? '' : unbreakable(table.columns[i]))) && rows.length === table.rows.length
    && rows.every((tr) => tr.children.length === table.columns.length) && (container.querySelector('.table-note')?.textContent ?? undefined) === table.note;
  if (!same) {
    container.innerHTML = tableHtml(table, options);
    return;
  }
  rows.forEach((tr, r) => {
    [...tr.children].forEach((cell, c) => {
      const text = c === 0 && options.rowHeaders ? String(table.rows[r][c]) : displayCell(table.rows[r][c]);
      if (cell.textContent !== text) cell.textContent = text;
    });
  });
}

/** Sets the text of the first element matching `selector` in `root`, leaving it untouched when unchanged. */
export function setText(root: ParentNode, selector: string, text: string): void {
  const el = root.querySelector(selector);
  if (el) setScripted(el, text);
}
