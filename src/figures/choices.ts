/**
 * The choices the explorers offer, in display order (scheme colours follow it). Imports nothing, so
 * the prop schemas (loaded with the Astro config) and the figure views share it without pulling in charts.
 */

/** Initializers that train with random or zero weights ("constant" is for the symmetry meter only). */
export const EXPLORER_SCHEMES = ['zeros', 'normal', 'lecun', 'glorot', 'he'] as const;
export type Scheme = (typeof EXPLORER_SCHEMES)[number];

/** Hidden activations the explorers offer. */
export const EXPLORER_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type ExplorerActivation = (typeof EXPLORER_ACTIVATIONS)[number];
