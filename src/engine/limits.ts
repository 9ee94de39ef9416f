/** The engine's size limits in one table (imports nothing, so every engine module may read it). */

/** Bounds that keep a run meaningful and affordable in a reader's browser. */
export const LIMITS = {
  maxIterations: 1_000_000,
  maxLearningRate: 1e6,
  maxScale: 1e6,
  maxSeed: 0xffffffff,
  /** Units a layer may have: what configs (MDX, the CLI, links) may ask for and what the network's buffers accept. */
  maxLayerSize: 1024,
  maxLayers: 64,
} as const;
