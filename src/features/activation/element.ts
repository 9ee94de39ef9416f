/**
 * <activation-explorer>: the live side of <ActivationExplorer>. Its settings live in the URL
 * (prefix "activation"); the curve is a few hundred engine calls, so it is drawn on the main thread.
 */
import { defineIsland } from '../../kit/island.ts';
import { renderElement } from '../../charts/browser.ts';
import { ExplorerElement, type FigureExport } from '../../kit/explorer.ts';
import { withoutPlotStyle } from '../../kit/plot-style.ts';
import { urlSpecs } from '../../kit/settings.ts';
import { updateTable } from '../../kit/table-dom.ts';
import { activationScript } from '../../python/figures.ts';
import type { PythonFigure } from '../../python/script.ts';
import { activationSettings, type ActivationValues } from './schema.ts';
import { activationCurve, activationView } from './views.ts';

class ActivationExplorer extends ExplorerElement<ActivationValues> {
  protected readonly urlPrefix = 'activation';
  protected readonly specs = urlSpecs(activationSettings);

  protected start(values: ActivationValues): void {
    // The prerender already shows the defaults; draw only when the link asked for other settings.
    if (JSON.stringify(values) !== JSON.stringify(this.defaults)) this.draw(values);
  }

  protected changed(values: ActivationValues): void {
    this.draw(values);
  }

  protected resized(): void {
    this.draw(this.store.get().values);
  }

  protected action(): void {}
  protected visibility(): void {}

  protected exportFigure(): FigureExport {
    const values = this.store.get().values;
    return { svg: this.querySelector('.activation-body svg'), table: activationView(values).table, data: activationCurve(values) };
  }

  protected exportPython(_name: string, source: string): PythonFigure {
    return activationScript(this.store.get().values, source);
  }

  private draw(values: ActivationValues): void {
    const view = activationView(values, this.chartWidth('.activation-body', 640));
    this.showChart('activation', withoutPlotStyle(renderElement(view.plot!), this), { title: view.title, caption: view.caption });
    const table = this.querySelector('.activation-table');
    if (table) updateTable(table, view.table);
  }
}

defineIsland('activation-explorer', ActivationExplorer);
