/**
 * <page-status>: the page's one live-status line. It counts the experiment figures
 * (<lesson-figure>, whose data-live says running/done and data-differs a mismatch with the build)
 * and says how far the browser is in recomputing them; figures mark themselves only when they differ.
 */
import { defineIsland } from '../../kit/island.ts';
import { pageStatusText } from './views.ts';

class PageStatus extends HTMLElement {
  private undo: (() => void) | null = null;

  connectedCallback(): void {
    const scope = this.closest('main') ?? document.body;
    const update = () => {
      const figures = [...scope.querySelectorAll<HTMLElement>('lesson-figure')];
      const text = this.querySelector('.page-status-text');
      if (!text) return;
      // No experiment figure (explorers only): the line as built stays true, and its box keeps its height.
      if (figures.length === 0) return;
      const started = figures.filter((f) => f.dataset.live).length;
      const done = figures.filter((f) => f.dataset.live === 'done').length;
      const differ = figures.filter((f) => f.dataset.differs === 'true').length;
      const line = pageStatusText(figures.length, started, done, differ);
      if (text.textContent !== line) text.textContent = line;
    };
    const observer = new MutationObserver(update);
    observer.observe(scope, { subtree: true, attributes: true, attributeFilter: ['data-live', 'data-differs'] });
    this.undo = () => observer.disconnect();
    update();
  }

  disconnectedCallback(): void {
    this.undo?.();
  }
}

defineIsland('page-status', PageStatus);
