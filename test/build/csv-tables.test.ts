/**
 * No content lost by light pages: every long data table of the built site (dist/, built by
 * `npm test` before this project) is a CSV file beside its page, linked with a preview, and holds
 * every cell the inline table held: the test recomputes each table from the figure's settings in
 * the page (the same view functions the components render) and compares cell by cell.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { displayCell, type ChartTable } from '../../src/charts/common.ts';
import type { ExperimentDecl } from '../../src/run/experiment.ts';
import { deepLinearGradients } from '../../src/engine/index.ts';
import { deepLinearView } from '../../src/features/deep-linear/views.ts';
import { flowViews, type FlowChart, type FlowSettings } from '../../src/features/gradient-flow/views.ts';
import { costView, type ComparisonSettings } from '../../src/features/init-comparison/views.ts';
import { lessonData } from '../../src/run/memo.ts';
import { buildTimeRun } from '../../src/prerender/build-run.ts';
import { buildRemediesSnapshot, remediesViews } from '../../src/features/remedies/views.ts';
import type { RemediesSettings } from '../../src/features/remedies/settings.ts';
import { symmetryConfig, symmetrySnapshot, symmetryView } from '../../src/features/symmetry/views.ts';
import { figureView, type FigureKind, type FigureOptions } from '../../src/features/lesson/views.ts';
import { CSV_ROWS, PREVIEW_ROWS } from '../../src/prerender/csv-tables.ts';
import { cachedJob } from '../../src/prerender/run-cache.ts';
import { parseCsv } from '../fixtures/csv.ts';
import { listFiles } from '../../src/lib/files.ts';
import { projectRoot } from './support/build.ts';

const dist = process.env.DIST_DIR ?? join(projectRoot, 'dist');
const pages = existsSync(dist) ? listFiles(dist).filter((f) => f.endsWith('.html')) : [];
const json = <T>(el: Element, name: string): T => JSON.parse(el.getAttribute(name) ?? 'null') as T;

// Each remedies explorer trains four deep networks: compute its views once for all its tables.
const remedies = new Map<string, ReturnType<typeof remediesViews>>();

/** The table the component computed for the element holding `link`, from the settings in the page. */
async function expectedTable(link: Element): Promise<ChartTable> {
  const figure = link.closest('lesson-figure');
  if (figure) {
    const decls = json<ExperimentDecl[]>(figure, 'data-experiments');
    const runs = await Promise.all(decls.map(buildTimeRun));
    return figureView(figure.getAttribute('data-kind') as FigureKind, runs, lessonData(), json<FigureOptions>(figure, 'data-options')).table;
  }
  const explorer = link.closest('.explorer')!;
  const defaults = json<Record<string, unknown>>(explorer, 'data-defaults');
  switch (explorer.tagName.toLowerCase()) {
    case 'init-comparison':
      return costView(await cachedJob('comparison', defaults as unknown as ComparisonSettings), defaults as unknown as ComparisonSettings).table;
    case 'gradient-flow-explorer': {
      const { speed: _speed, ...settings } = defaults;
      const chart = link.closest('[data-chart]')!.getAttribute('data-chart') as FlowChart;
      return flowViews(await cachedJob('gradient-flow', settings as unknown as FlowSettings))[chart].table;
    }
    case 'symmetry-meter': {
      const { init, value, width, seed } = defaults as { init: 'zeros'; value: number; width: number; seed: number };
      const config = symmetryConfig({ init, value, width, seed }, Number(explorer.querySelector('[data-iterations]')!.getAttribute('data-iterations')));
      const run = await cachedJob('symmetry', config);
      return symmetryView(symmetrySnapshot(config, run.iteration, run.history, run.params)).table;
    }
    case 'deep-linear-explorer': {
      const { a, depth } = defaults as { a: number; depth: number };
      const data = lessonData();
      return deepLinearView(deepLinearGradients(a, depth, data.X, data.X, 2, data.m), a, depth).table;
    }
    case 'remedies-explorer': {
      const { speed: _speed, urlKey: _urlKey, ...settings } = defaults;
      const key = JSON.stringify(settings);
      if (!remedies.has(key)) remedies.set(key, remediesViews(buildRemediesSnapshot(settings as unknown as RemediesSettings, lessonData())));
      const views = remedies.get(key)!;
      const chart = link.closest('[data-chart]')!.getAttribute('data-chart')!;
      return chart === 'costs' ? views.costs.table : views.gradients[Number(chart.replace('gradients-', ''))].table;
    }
    default:
      throw new Error(`no table recipe for <${explorer.tagName.toLowerCase()}>`);
  }
}

describe('long data tables as CSV files beside the page', () => {
  it('finds built pages', () => {
    expect(pages.length, `${dist} has no pages: run astro build first`).toBeGreaterThan(0);
  });

  for (const page of pages) {
    const file = join(dist, page);
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const links = [...document.querySelectorAll('.table-csv')];

    it(`${page}: no inline table has more than ${CSV_ROWS} rows`, () => {
      for (const table of document.querySelectorAll('table')) expect(table.querySelectorAll('tbody tr').length).toBeLessThanOrEqual(CSV_ROWS);
    });

    if (links.length === 0) continue;
    it(`${page}: ${links.length} linked CSV file(s) hold every cell of the table, and the preview is its first rows`, async () => {
      for (const note of links) {
        const a = note.querySelector('a[href][download]')!;
        const href = a.getAttribute('href')!;
        expect(href).toBe(note.getAttribute('data-csv'));
        const csvFile = join(dirname(file), href);
        expect(existsSync(csvFile), csvFile).toBe(true);
        const [columns, ...rows] = parseCsv(readFileSync(csvFile, 'utf8'));
        const expected = await expectedTable(note);
        expect(rows.length).toBeGreaterThan(CSV_ROWS);
        expect(columns).toEqual(expected.columns.map(String));
        // csv() guards text cells a spreadsheet would run as formulas with a leading "'".
        const cell = (text: string, want: string) => (text.startsWith("'") && !want.startsWith("'") ? text.slice(1) : text);
        expect(rows.map((r, i) => r.map((c, j) => cell(c, String(expected.rows[i]?.[j]))))).toEqual(expected.rows.map((r) => r.map(String)));
        const preview = note.previousElementSibling!;
        expect(preview.tagName).toBe('TABLE');
        const shown = [...preview.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? ''));
        // The preview is what readers see (true minus signs); the CSV keeps the machine form.
        expect(shown).toEqual(expected.rows.slice(0, PREVIEW_ROWS).map((r) => r.map(displayCell)));
      }
    });
  }
});
