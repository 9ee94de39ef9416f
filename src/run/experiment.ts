/**
 * An experiment as authors declare it with <Experiment>: an id, the words figures show, and a
 * training config for the 2-input planar data. Shared by the build (prerender) and the page (runs.ts).
 */
import { ConfigError, parseTrainConfig, type TrainConfig } from '../engine/index.ts';
import { idPattern, PropError } from '../kit/props.ts';

/** An experiment as declared by <Experiment>: its config plus the words figures show. */
export interface ExperimentDecl {
  readonly id: string;
  readonly label: string;
  readonly comment?: string;
  readonly config: TrainConfig;
}

const EXPERIMENT_FIELDS = ['layers', 'hidden', 'init', 'scale', 'learningRate', 'iterations', 'seed', 'recordEvery'];

/**
 * Validates <Experiment> props: an id, words for figures, and a training config that fits the
 * 2-input planar data. @throws PropError naming the prop.
 */
export function parseExperiment(props: Record<string, unknown>, source?: string): ExperimentDecl {
  const known = new Set(['id', 'label', 'comment', '__source', '__experiments', ...EXPERIMENT_FIELDS]);
  for (const key of Object.keys(props)) {
    if (!known.has(key)) throw new PropError('Experiment', key, `one of the known props (${[...known].filter((k) => !k.startsWith('__')).join(', ')})`, props[key], source);
  }
  const id = props.id;
  if (typeof id !== 'string' || !idPattern.test(id)) throw new PropError('Experiment', 'id', 'an id of lowercase letters, digits and dashes, starting with a letter', id, source);
  for (const key of ['label', 'comment'] as const) {
    if (props[key] !== undefined && (typeof props[key] !== 'string' || (props[key] as string).length > 200)) throw new PropError('Experiment', key, 'text of at most 200 characters', props[key], source);
  }
  try {
    const config = parseTrainConfig(Object.fromEntries(EXPERIMENT_FIELDS.map((k) => [k, props[k]])));
    return { id, label: (props.label as string | undefined) ?? id, comment: props.comment as string | undefined, config };
  } catch (e) {
    if (e instanceof ConfigError) throw new PropError('Experiment', e.field, e.allowed, e.value, source);
    throw e;
  }
}

