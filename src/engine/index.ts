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
export * from './linear.ts';
export * from './network.ts';
export * from './random.ts';
export * from './stats.ts';
export * from './theory.ts';
export * from './train.ts';
export * from './batchnorm.ts';
export * from './clipping.ts';
export * from './deep-network.ts';
export * from './optimizers.ts';
export * from './remedies.ts';
export * from './remedies-config.ts';
export * from './residual.ts';
export * from './shuffle.ts';
export * from './slots.ts';
export * from './deep-gradcheck.ts';
