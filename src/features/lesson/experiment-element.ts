/**
 * <lesson-experiment>: the live side of an <Experiment> card: progress of its run in the worker,
 * its status (including "diverged at iteration k") and a "Train again" button that replays the
 * run from the same initial weights (labelled "Retry" after the run failed). Its data-live says
 * where the run is: "running", "done" (diverged included) or "failed", as on <lesson-figure>.
 */
import { IslandElement, defineIsland } from '../../kit/island.ts';
import type { ExperimentDecl } from '../../run/experiment.ts';
import { hasFailed } from '../../run/client.ts';
import { trainingClient } from '../../run/page-client.ts';
import { perFrame } from '../../run/store.ts';
import { runKey, runStores, startWhenNear } from '../../run/runs.ts';

class LessonExperiment extends IslandElement {

  connectedCallback(): void {
    const decl = JSON.parse(this.dataset.experiment ?? 'null') as ExperimentDecl | null;
    if (!decl) return;
    const [store] = runStores([decl]);
    const progress = this.querySelector<HTMLProgressElement>('.experiment-progress');
    const status = this.querySelector('.status-text');
    const button = this.querySelector<HTMLButtonElement>('.experiment-rerun');
    const built = status?.textContent ?? '';
    const render = perFrame(() => {
      const s = store.get();
      if (s.status.state === 'idle') return;
      // What a page (or a test) waits on, rather than parsing the status text; set on change only, as observers see every set.
      const live = hasFailed(s) ? 'failed' : s.result ? 'done' : 'running';
      if (this.dataset.live !== live) this.dataset.live = live;
      if (progress) {
        progress.hidden = s.status.state !== 'running';
        progress.value = s.iteration;
      }
      const label = hasFailed(s) ? 'Retry' : 'Train again';
      if (button && button.textContent !== label) button.textContent = label;
      if (status && hasFailed(s)) status.textContent = `Could not train in your browser (${s.error}). ${built}`;
      else if (status) {
        const tail = s.result
          ? `; final cost ${Number.isFinite(s.result.finalCost) ? s.result.finalCost.toFixed(6) : 'not finite'}, accuracy ${s.result.report.accuracy}`
          : `, iteration ${s.iteration.toLocaleString('en-US')} of ${decl.config.iterations.toLocaleString('en-US')}`;
        status.textContent = `In your browser: ${s.status.message}${tail}.`;
      }
      if (button) button.disabled = s.status.state === 'running';
    });
    this.onDisconnect(store.subscribe(render), startWhenNear(this, [decl]));
    if (button) {
      button.hidden = false;
      const again = () => trainingClient().restart(runKey(decl));
      this.listen(button, 'click', again);
    }
  }
}

defineIsland('lesson-experiment', LessonExperiment);
