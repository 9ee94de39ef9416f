/**
 * The page's one training client: every island on the page shares its pool of workers, which
 * pause with the page and warm up while the reader reads.
 */
import { afterNextFrame, whenIdleEach } from '../kit/idle.ts';
import { TrainingClient } from './client.ts';

// One client per document, so every island on the page shares one pool.
const clients = new WeakMap<Document, TrainingClient>();

/** The page's training client (created on first use, with lifecycle hooks on the document). */
export function trainingClient(): TrainingClient {
  let client = clients.get(document);
  if (!client) {
    client = new TrainingClient(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' }));
    clients.set(document, client);
    const c = client;
    document.addEventListener('visibilitychange', () => c.setHidden(document.visibilityState === 'hidden'));
    window.addEventListener('pagehide', () => c.stop());
    // Workers load while the reader reads, so a figure scrolled into view trains at once; one per idle task, so no task holds two.
    // They wait for the page's load and the frame after it (where a link's #target is laid out), so they do not compete with it for the cores.
    const warm = () => afterNextFrame(() => whenIdleEach(() => c.warm(), 1000));
    if (document.readyState === 'complete') warm();
    else window.addEventListener('load', warm, { once: true });
  }
  return client;
}
