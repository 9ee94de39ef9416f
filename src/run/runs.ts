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
import { whenIdle } from '../kit/idle.ts';

/** The key a run is shared under: two declarations with one config train once. */
export const runKey = (decl: ExperimentDecl) => `experiment:${JSON.stringify(decl.config)}`;

/** The stores of `decls`' runs (created, not started). */
export function runStores(decls: readonly ExperimentDecl[]): Store<RunState>[] {
  const client = trainingClient();
  return decls.map((d) => client.run(runKey(d), { config: d.config }));
}

/**
 * Runs of an element only near (not in view) wait `graceMs` after it came near, then for an idle
 * moment (at most `idleMs` more). A jump's first frames (its layout, then one chart per frame) take
 * 200–400 ms on 2 cores; started at once, these runs took both cores from them.
 */
export const NEAR_START = { graceMs: 500, idleMs: 1000 } as const;

/**
 * Starts the runs once `element` comes within `margin` of the viewport (and again after a bfcache
 * restore), and gives them priority in the workers while it is in view. In view, they start at once;
 * only near, they wait (NEAR_START), so a jump past them (a link, a search hit) first renders what
 * it shows and starts that, with the cores free.
 */
export function startWhenNear(element: Element, decls: readonly ExperimentDecl[], margin = '600px 0px'): () => void {
  const client = trainingClient();
  const seen = { near: false, inView: false, gone: false };
  const start = () => {
    if (seen.gone) return;
    for (const d of decls) client.start(runKey(d));
  };
  const setInView = (inView: boolean) => {
    if (inView === seen.inView) return;
    seen.inView = inView;
    if (inView) start();
    for (const d of decls) client.view(runKey(d), inView ? 1 : -1);
  };
  const near = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.near = true;
    setTimeout(() => whenIdle(start, NEAR_START.idleMs), NEAR_START.graceMs);
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
    seen.gone = true;
    window.removeEventListener('pageshow', onShow);
  };
}

/** The declaration merged with its run's live state. */
export function snapshot(decl: ExperimentDecl, state: RunState): RunSnapshot {
  return { ...decl, status: state.status, iteration: state.iteration, history: state.history, result: state.result };
}
