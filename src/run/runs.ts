/**
 * Glue between lesson elements and the page's training client: experiment declarations become
 * runs (one per config, however many elements show them) that start when an element nears the
 * viewport, and train first while an element showing them is in view.
 */
import type { ExperimentDecl } from './experiment.ts';
import type { RunSnapshot } from './run.ts';
import { type RunState } from './client.ts';
import { trainingClient } from './page-client.ts';
import type { Store } from './store.ts';

/** The key a run is shared under: two declarations with one config train once. */
export const runKey = (decl: ExperimentDecl) => `experiment:${JSON.stringify(decl.config)}`;

/** The stores of `decls`' runs (created, not started). */
export function runStores(decls: readonly ExperimentDecl[]): Store<RunState>[] {
  const client = trainingClient();
  return decls.map((d) => client.run(runKey(d), { config: d.config }));
}

/**
 * Starts the runs once `element` comes within `margin` of the viewport (and again after a bfcache
 * restore), and gives them priority in the workers while it is in view.
 */
export function startWhenNear(element: Element, decls: readonly ExperimentDecl[], margin = '600px 0px'): () => void {
  const client = trainingClient();
  const start = () => {
    for (const d of decls) client.start(runKey(d));
  };
  const seen = { near: false, inView: false };
  const setInView = (inView: boolean) => {
    if (inView === seen.inView) return;
    seen.inView = inView;
    for (const d of decls) client.view(runKey(d), inView ? 1 : -1);
  };
  const near = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      seen.near = true;
      start();
    }
  }, { rootMargin: margin });
  const view = new IntersectionObserver((entries) => setInView(entries[entries.length - 1].isIntersecting));
  near.observe(element);
  view.observe(element);
  const onShow = (e: PageTransitionEvent) => {
    if (e.persisted && seen.near) start();
  };
  window.addEventListener('pageshow', onShow);
  return () => {
    near.disconnect();
    view.disconnect();
    setInView(false);
    window.removeEventListener('pageshow', onShow);
  };
}

/** The declaration merged with its run's live state. */
export function snapshot(decl: ExperimentDecl, state: RunState): RunSnapshot {
  return { ...decl, status: state.status, iteration: state.iteration, history: state.history, result: state.result };
}
