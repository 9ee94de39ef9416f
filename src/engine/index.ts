/**
 * The training engine: pure functions over Float64Array, with no DOM, Astro or Plot imports,
 * so the same code runs in Node (CLI, build-time prerender, tests), a Web Worker and the browser.
 */
export * from './activations.ts';
export * from './config.ts';
export * from './datasets.ts';
export * from './gradcheck.ts';
export * from './grid.ts';
export * from './initializers.ts';
export * from './metrics.ts';
export * from './network.ts';
export * from './random.ts';
export * from './stats.ts';
export * from './theory.ts';
export * from './train.ts';
