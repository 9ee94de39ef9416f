/** The pure parts of figure export: RFC 4180 CSV with a formula-injection guard, and JSON of engine data. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { csv, inlineReferences, json, showExportError } from '../../src/kit/export.ts';
import { parseCsv } from '../fixtures/csv.ts';

describe('csv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(csv({ columns: ['layer l', 'norm'], rows: [[1, 0.5], [2, 1e-30]] })).toBe('layer l,norm\r\n1,0.5\r\n2,1e-30\r\n');
    expect(csv({ columns: [], rows: [] })).toBe('\r\n');
  });

  it('quotes cells with commas, quotes, CR or LF and doubles inner quotes', () => {
    const table = { columns: ['a, b', 'say "hi"'], rows: [['line\nbreak', 'cr\rhere'], ['plain', '""']] };
    const text = csv(table);
    expect(text).toBe('"a, b","say ""hi"""\r\n"line\nbreak","cr\rhere"\r\nplain,""""""\r\n');
    expect(parseCsv(text)).toEqual([table.columns, ...table.rows]);
  });

  it('prefixes text a spreadsheet would run as a formula with an apostrophe', () => {
    const payloads = ['=1+1', '+1+1', '@SUM(A1)', '-cmd', '\t=1', '\r=1', "=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", '-1+1', '=HYPERLINK("http://x")', '-', '+'];
    const text = csv({ columns: ['v'], rows: payloads.map((p) => [p]) });
    const cells = parseCsv(text).slice(1).map((r) => r[0]);
    expect(cells).toEqual(payloads.map((p) => `'${p}`));
  });

  it('leaves numbers, and text that is a whole plain number, as they are', () => {
    const text = csv({ columns: ['v'], rows: [[-3], [-0.25], ['-1.5'], ['-2e-7'], ['−4 × 10⁻³'], ['not a number'], ['∞']] });
    expect(parseCsv(text).slice(1).map((r) => r[0])).toEqual(['-3', '-0.25', '-1.5', '-2e-7', '−4 × 10⁻³', 'not a number', '∞']);
  });
});

describe('json', () => {
  it('writes typed arrays as plain arrays', () => {
    const data = { W: [new Float64Array(0), new Float64Array([1.5, -2])], labels: new Uint8Array([0, 1, 1]), f32: new Float32Array([0.5]) };
    expect(JSON.parse(json(data))).toEqual({ W: [[], [1.5, -2]], labels: [0, 1, 1], f32: [0.5] });
  });

  it('writes NaN and ±Infinity as strings, also inside typed arrays, and keeps finite numbers exact', () => {
    const parsed = JSON.parse(json({ cost: NaN, norms: [Infinity, -Infinity, 1e-320], grid: new Float64Array([NaN, 0.1]) }));
    expect(parsed).toEqual({ cost: 'NaN', norms: ['Infinity', '-Infinity', 1e-320], grid: ['NaN', 0.1] });
  });

  it('is indented, and handles null and nested objects', () => {
    expect(json({ a: { b: null } })).toBe('{\n  "a": {\n    "b": null\n  }\n}');
    expect(json(null)).toBe('null');
  });
});

describe('inlineReferences', () => {
  it('copies what a chart draws from the page sprite into the exported chart, once, and nothing it holds itself', () => {
    const { document } = parseHTML(
      '<html><body><svg class="shared-paths"><defs><path id="shared-path-1" d="M1,1h0"/><path id="shared-path-2" d="M2,2h0"/></defs></svg>' +
        '<svg id="chart"><use href="#c1"/><g><use id="c1" href="#shared-path-1"/></g><use href="#shared-path-1"/><use href="#missing"/></svg></body></html>',
    );
    const clone = document.getElementById('chart')!.cloneNode(true) as SVGSVGElement;
    inlineReferences(clone, document as unknown as Document);
    const defs = clone.firstElementChild!;
    expect(defs.tagName.toLowerCase()).toBe('defs');
    expect([...defs.children].map((c) => [c.getAttribute('id'), c.getAttribute('d')])).toEqual([['shared-path-1', 'M1,1h0']]);
    expect(clone.querySelectorAll('defs')).toHaveLength(1);
  });
});

describe('showExportError', () => {
  it('writes one alert right after the Save bar, replaces its text, and removes it with an empty message', () => {
    const { document } = parseHTML('<html><body><div id="fig"><div class="export-bar"></div><p class="figure-caption">cap</p></div></body></html>');
    const bar = document.querySelector('.export-bar')!;
    showExportError(bar as unknown as Element, '');
    expect(bar.nextElementSibling?.className).toBe('figure-caption');
    showExportError(bar as unknown as Element, 'Export failed: <b>no</b>');
    showExportError(bar as unknown as Element, 'Export failed: again');
    const notes = document.querySelectorAll('.export-error');
    expect(notes).toHaveLength(1);
    expect(bar.nextElementSibling).toBe(notes[0]);
    expect(notes[0].getAttribute('role')).toBe('alert');
    expect(notes[0].textContent).toBe('Export failed: again');
    expect(notes[0].children).toHaveLength(0);
    showExportError(bar as unknown as Element, '');
    expect(document.querySelectorAll('.export-error')).toHaveLength(0);
    expect(bar.nextElementSibling?.className).toBe('figure-caption');
  });
});
