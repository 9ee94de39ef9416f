/**
 * The lifecycle every island shares, explorers and lesson figures alike: what it set up is undone
 * when it leaves the page (listeners, subscriptions, timers). ExplorerElement builds on it.
 */

/** Whether the <details> matching `selector` inside `root` is open (tables that wait while a run plays). */
export function isOpen(root: ParentNode, selector: string): boolean {
  return root.querySelector<HTMLDetailsElement>(selector)?.open ?? false;
}

/**
 * Defines custom element `name` in a task of its own. The browser runs a page's module scripts
 * several to a task; defining later keeps each island's start (its connectedCallbacks) a short task.
 */
export function defineIsland(name: string, element: CustomElementConstructor): void {
  if (customElements.get(name)) return;
  setTimeout(() => customElements.get(name) ?? customElements.define(name, element), 0);
}

export abstract class IslandElement extends HTMLElement {
  private undo: (() => void)[] = [];

  disconnectedCallback(): void {
    for (const f of this.undo.splice(0)) f();
  }

  /** Runs `undo` when the island leaves the page (unsubscribes, timers). */
  protected onDisconnect(...undo: (() => void)[]): void {
    this.undo.push(...undo);
  }

  /** Adds `handler` to `target` until the island leaves the page. */
  protected listen(target: EventTarget | null, type: string, handler: (event: Event) => void): void {
    if (!target) return;
    target.addEventListener(type, handler);
    this.undo.push(() => target.removeEventListener(type, handler));
  }

  /** Whether the <details> matching `selector` inside the island is open. */
  protected isOpen(selector: string): boolean {
    return isOpen(this, selector);
  }
}
