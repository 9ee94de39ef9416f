import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_ROWS, dataTableHtml, pageFolder, PREVIEW_ROWS, slugify, STAGING_ENV } from '../../src/prerender/csv-tables.ts';
import { parseCsv } from '../fixtures/csv.ts';

const table = (n: number) => ({ columns: ['iteration', 'cost'], rows: Array.from({ length: n }, (_, i) => [i * 10, 1 / (i + 1)]), note: 'Every record' });
let staging: string;

beforeEach(() => {
  staging = mkdtempSync(join(tmpdir(), 'vg-csv-test-'));
  process.env[STAGING_ENV] = staging;
});
afterEach(() => {
  delete process.env[STAGING_ENV];
  rmSync(staging, { recursive: true, force: true });
});

describe('data tables as CSV beside the page', () => {
  it(`keeps a table of ${CSV_ROWS} rows inline and writes no file`, () => {
    const { document } = parseHTML(dataTableHtml(table(CSV_ROWS), { page: '/lessons/a/', base: '/', title: 'Cost' }));
    expect(document.querySelectorAll('tbody tr')).toHaveLength(CSV_ROWS);
    expect(readdirSync(staging)).toEqual([]);
  });

  it('writes a longer table as CSV in the page folder and links it under a preview of its first rows', () => {
    const html = dataTableHtml(table(CSV_ROWS + 1), { page: '/repo/lessons/a/', base: '/repo/', title: 'Cost during training: Zeros' });
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('tbody tr')).toHaveLength(PREVIEW_ROWS);
    const link = document.querySelector('.table-csv a[download]')!;
    const href = link.getAttribute('href')!;
    expect(href).toMatch(/^cost-during-training-zeros-[0-9a-f]{8}\.csv$/);
    expect(link.textContent).toBe(`Download all ${CSV_ROWS + 1} rows as CSV`);
    expect(document.querySelector('.table-csv')!.textContent).toContain('Every record.');
    const rows = parseCsv(readFileSync(join(staging, 'lessons', 'a', href), 'utf8'));
    expect(rows).toEqual([['iteration', 'cost'], ...table(CSV_ROWS + 1).rows.map((r) => r.map(String))]);
  });

  it('names files and folders predictably', () => {
    expect(slugify('Activations a[l] of each hidden layer — “latest”')).toBe('activations-a-l-of-each-hidden-layer-latest');
    expect(slugify('∑')).toBe('table');
    expect(pageFolder('/some-repo/lessons/x/', '/some-repo/')).toBe('lessons/x');
    expect(pageFolder('/guide/', '/')).toBe('guide');
    expect(pageFolder('/', '/')).toBe('');
  });
});
