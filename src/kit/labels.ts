/**
 * The choices the explorers offer, in display order (scheme colours follow it), and the one table of
 * the words readers see for them. Imports nothing, so
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

/**
 * How an initializer reads, in one table: `title` starts a legend entry or a checkbox ("Zeros"),
 * `text` sits in a select or running text ("zeros"); `scaled` replaces "normal" where its scale or
 * constant is shown (× scale). Names (LeCun, Glorot, He) keep their capitals in both.
 */
export const INIT_LABELS = {
  zeros: { title: 'Zeros', text: 'zeros' },
  constant: { title: 'Constant', text: 'constant (every weight c)' },
  normal: { title: 'Normal', text: 'normal, scale 1' },
  lecun: { title: 'LeCun', text: 'LeCun' },
  glorot: { title: 'Glorot', text: 'Glorot' },
  he: { title: 'He', text: 'He' },
} as const satisfies Record<Scheme | 'constant', { readonly title: string; readonly text: string }>;

/** "Normal × 10" (title) or "normal × scale" (text): the normal initializer with its scale. */
export const normalTimes = (scale: string, form: 'title' | 'text'): string => `${form === 'title' ? 'Normal' : 'normal'} × ${scale}`;

/** How an activation reads in the explorers' selects. */
export const ACTIVATION_LABELS: Readonly<Record<ExplorerActivation, string>> = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' };

/** Select options for `values` in the given order, labelled from `labels`. */
export const labelled = <K extends string>(values: readonly K[], labels: (v: K) => string): { value: K; label: string }[] => values.map((value) => ({ value, label: labels(value) }));
