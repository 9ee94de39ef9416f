/** The engine's size limits in one table (imports nothing, so every engine module may read it). */

/** Bounds that keep a run meaningful and affordable in a reader's browser. */
export const LIMITS = {
  maxIterations: 1_000_000,
  maxLearningRate: 1e6,
  maxScale: 1e6,
  maxSeed: 0xffffffff,
  /** Units a configured layer may have (what MDX, the CLI and links may ask for). */
  maxLayerSize: 1024,
  /** Units the network's buffers accept at all (checkLayers): the ceiling under every configured limit. */
  maxNetworkLayerSize: 4096,
  maxLayers: 64,
} as const;
