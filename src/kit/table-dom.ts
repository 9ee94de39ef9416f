/**
 * Live tables and texts without rebuilding them: when a table of the same shape is already in the
 * page, only the cells whose text changed are touched, so a redraw while training restyles a few
 * text nodes instead of hundreds of new elements. Text only (layer indices raised, ./scripts), never
 * HTML, but for the line-break opportunities a row header gets (breakableHtml: escaped, plus <wbr>).
 */
import { displayCell, unbreakable, type ChartTable } from '../charts/browser.ts';
import { breakableHtml, tableHtml } from './html.ts';
import { setScripted } from '../charts/scripts.ts';

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
      const header = c === 0 && options.rowHeaders;
      const text = header ? String(table.rows[r][c]) : displayCell(table.rows[r][c]);
      if (cell.textContent !== text) {
        if (header) cell.innerHTML = breakableHtml(text);
        else cell.textContent = text;
      }
    });
  });
}

/** Sets the text of the first element matching `selector` in `root`, leaving it untouched when unchanged. */
export function setText(root: ParentNode, selector: string, text: string): void {
  const el = root.querySelector(selector);
  if (el) setScripted(el, text);
}

/** A displayed data table read back as columns and rows (numbers where the cell is one). */
export function readTable(table: Element | null): ChartTable {
  if (!table) return { columns: [], rows: [] };
  const text = (cells: Iterable<Element>) => [...cells].map((c) => c.textContent ?? '');
  // Shown numbers carry a true minus sign (displayCell); the data gets the machine form back.
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) => text(tr.children).map((v) => v.replace(/^−/, '-')).map((v) => (v !== '' && Number.isFinite(Number(v)) ? Number(v) : v)));
  return { columns: text(table.querySelectorAll('thead th')), rows };
}
