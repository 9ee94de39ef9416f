import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { tableHtml } from '../../src/kit/html.ts';
import { updateTable } from '../../src/kit/table-dom.ts';

const container = (html = '') => {
  const { document } = parseHTML(`<!doctype html><html><body><div>${html}</div></body></html>`);
  return document.querySelector('div')!;
};
const table = { columns: ['unit', 'w'], rows: [['unit 1', 0.5], ['unit 2', -1]] as (string | number)[][] };

describe('updateTable', () => {
  it('updates the cells of a table of the same shape in place', () => {
    const div = container(tableHtml(table, { rowHeaders: true }));
    const cell = div.querySelector('tbody tr td')!;
    updateTable(div, { ...table, rows: [['unit 1', 0.75], ['unit 2', -1]] }, { rowHeaders: true });
    expect(div.querySelector('tbody tr td')).toBe(cell);
    expect(cell.textContent).toBe('0.75');
    expect(div.innerHTML).toBe(tableHtml({ ...table, rows: [['unit 1', 0.75], ['unit 2', -1]] }, { rowHeaders: true }));
  });

  it('a changed row header keeps its line-break opportunities; its text reads back unchanged', () => {
    const div = container(tableHtml({ columns: ['Model', 'a'], rows: [['2/3/1 network', 0.5]] }, { rowHeaders: true }));
    updateTable(div, { columns: ['Model', 'a'], rows: [['2/8/8/1 network', 0.5]] }, { rowHeaders: true });
    const th = div.querySelector('tbody th')!;
    expect(th.innerHTML).toBe('2/<wbr>8/<wbr>8/<wbr>1 network');
    expect(th.textContent).toBe('2/8/8/1 network');
  });

  it('rebuilds the table when the shape, header or note changes, and escapes text', () => {
    const div = container(tableHtml(table));
    const next = { columns: ['unit', 'w'], rows: [['<b>x</b>', 1], ['unit 2', 2], ['unit 3', 3]] as (string | number)[][] };
    updateTable(div, next);
    expect(div.innerHTML).toBe(tableHtml(next));
    expect(div.querySelector('b')).toBeNull();
    updateTable(div, { ...next, note: 'Every 2nd record.' });
    expect(div.querySelector('.table-note')!.textContent).toBe('Every 2nd record.');
    const empty = container('<p>Computing…</p>');
    updateTable(empty, table);
    expect(empty.querySelectorAll('tbody tr')).toHaveLength(2);
  });
});
