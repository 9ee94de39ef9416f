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

/** The remedies the "Remedies side by side" explorer can put side by side, in display order. */
export const REMEDY_VARIANTS = ['plain', 'clipped', 'residual', 'batchnorm', 'adam', 'residual+batchnorm'] as const;
export type RemedyVariant = (typeof REMEDY_VARIANTS)[number];

/** Mini-batch sizes the remedies explorer offers (1000 is the whole planar data set). */
export const REMEDY_BATCH_SIZES = [16, 32, 64, 128, 256, 1000] as const;
