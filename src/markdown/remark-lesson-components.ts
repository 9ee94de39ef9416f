/**
 * Remark plugin: checks every public lesson component used in an MDX file at compile time and
 * tells each one where it is and which experiments it may show.
 *
 * - Props written as literals (strings, numbers, arrays) are validated with the components' own
 *   schemas (src/components/props.ts); a bad one fails the build with the file, the line, the
 *   component, the prop and the allowed values.
 * - <Experiment id="…"> declarations are collected; a figure naming an undeclared experiment fails.
 * - Each component gets `__source="content/lessons/x.mdx:42"` and, for figures, `__experiments`
 *   (the JSON of the experiments it refers to), so it renders without any page-level registry.
 */
import { relative } from 'node:path';
import type { Root } from 'mdast';
import { PropError, splitList } from '../kit/props.ts';
import { componentNames, componentSchemas, parseProps } from '../components/props.ts';
import { parseExperiment, type ExperimentDecl } from '../run/experiment.ts';

interface Attribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: { body?: Array<{ type: string; expression?: Estree }> } } };
}
interface Estree {
  type: string;
  value?: unknown;
  operator?: string;
  argument?: Estree;
  elements?: (Estree | null)[];
  expressions?: unknown[];
  quasis?: { value: { cooked: string } }[];
}
interface JsxNode {
  type: string;
  name?: string | null;
  attributes: Attribute[];
  position?: { start: { line: number } };
  children?: JsxNode[];
}

export interface LessonComponentOptions {
  /** Project root; sources are reported relative to it. */
  root: string;
}

const DYNAMIC = Symbol('dynamic');
const names = new Set<string>(componentNames);

/** Evaluates a literal JSX expression (number, string, boolean, array, −number); DYNAMIC otherwise. */
function literal(node: Estree | undefined): unknown {
  if (!node) return DYNAMIC;
  if (node.type === 'Literal') return node.value;
  if (node.type === 'UnaryExpression' && node.operator === '-') {
    const v = literal(node.argument);
    return typeof v === 'number' ? -v : DYNAMIC;
  }
  if (node.type === 'TemplateLiteral' && node.expressions?.length === 0) return node.quasis?.[0]?.value.cooked ?? '';
  if (node.type === 'ArrayExpression') {
    const items = (node.elements ?? []).map((e) => (e ? literal(e) : DYNAMIC));
    return items.includes(DYNAMIC) ? DYNAMIC : items;
  }
  return DYNAMIC;
}

interface Dynamic {
  prop: string;
  /** The attribute as the author wrote it, e.g. `{w * 2}` or `{...opts}`. */
  written: string;
}

function attributeValues(node: JsxNode): { props: Record<string, unknown>; dynamic: Dynamic[] } {
  const props: Record<string, unknown> = {};
  const dynamic: Dynamic[] = [];
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) {
      dynamic.push({ prop: '{...}', written: `{${typeof a.value === 'string' ? a.value : (a.value?.value ?? '...')}}` });
      continue;
    }
    if (a.value === null || a.value === undefined) props[a.name] = true;
    else if (typeof a.value === 'string') props[a.name] = a.value;
    else {
      const v = literal(a.value.data?.estree?.body?.[0]?.expression);
      if (v === DYNAMIC) dynamic.push({ prop: a.name, written: `${a.name}={${a.value.value}}` });
      else props[a.name] = v;
    }
  }
  return { props, dynamic };
}

/**
 * The one prop rule for every component: values are literals the build can check. Names the
 * component, the prop, what was written and a literal to write instead.
 */
function requireLiterals(component: string, dynamic: Dynamic[], source: string): void {
  const first = dynamic[0];
  if (!first) return;
  const fix =
    first.prop === '{...}'
      ? 'each prop written out, e.g. experiment="zeros"'
      : `a literal value the build can check: text in quotes (${first.prop}="…"), a number (${first.prop}={3}) or a list (${first.prop}={[2, 4, 1]}); computed values are not allowed`;
  const error = new PropError(component, first.prop === '{...}' ? 'spread' : first.prop, fix, undefined, source);
  error.message = error.message.replace(/got nothing$/, `got ${first.written}`);
  throw error;
}

function setAttribute(node: JsxNode, name: string, value: string): void {
  node.attributes = node.attributes.filter((a) => a.name !== name);
  node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

/** Collects every JSX element and every ESM block (import/export) of the tree. */
function visit(node: JsxNode, all: JsxNode[], esm: JsxNode[]): void {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') all.push(node);
  if (node.type === 'mdxjsEsm') esm.push(node);
  for (const child of node.children ?? []) visit(child, all, esm);
}

/** Names an MDX file defines with `import …` or `export const/function …`. */
function definedNames(esm: JsxNode[]): Set<string> {
  const defined = new Set<string>();
  for (const node of esm) {
    const body = (node as unknown as { data?: { estree?: { body?: EsmStatement[] } } }).data?.estree?.body ?? [];
    for (const statement of body) {
      for (const spec of statement.specifiers ?? []) if (spec.local?.name) defined.add(spec.local.name);
      const decl = statement.declaration;
      if (decl?.id?.name) defined.add(decl.id.name);
      for (const d of decl?.declarations ?? []) if (d.id?.name) defined.add(d.id.name);
    }
  }
  return defined;
}

interface EsmStatement {
  specifiers?: { local?: { name?: string } }[];
  declaration?: { id?: { name?: string }; declarations?: { id?: { name?: string } }[] };
}

/** The known name closest to `name` (edit distance ≤ 3), for "did you mean" hints. */
function closest(name: string, candidates: Iterable<string>): string | undefined {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    return d[a.length][b.length];
  };
  let best: { name: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d <= 3 && (!best || d < best.d)) best = { name: c, d };
  }
  return best?.name;
}

/** The experiment ids a component refers to, from its `experiment` and `experiments` props. */
function referencedIds(props: Record<string, unknown>): { prop: string; ids: string[] }[] {
  const refs: { prop: string; ids: string[] }[] = [];
  if (typeof props.experiment === 'string') refs.push({ prop: 'experiment', ids: [props.experiment] });
  const list = props.experiments;
  if (typeof list === 'string') refs.push({ prop: 'experiments', ids: splitList(list) });
  if (Array.isArray(list)) refs.push({ prop: 'experiments', ids: list.map(String) });
  return refs;
}

/** The plugin; register it after remark-math in the unified processor. */
export default function remarkLessonComponents(options: LessonComponentOptions) {
  return (tree: Root, file: { path?: string }) => {
    try {
      check(tree, file, options);
    } catch (e) {
      // @astrojs/mdx reports e.line/e.column as the error's location (else it says 0:0).
      const line = /:(\d+): </.exec((e as Error).message)?.[1];
      if (line) Object.assign(e as object, { line: Number(line), column: 1 });
      throw e;
    }
  };
}

/** Explorers keep their settings in the page address, one set per kind (RemediesExplorer: per urlKey). */
const EXPLORERS = new Set(['ActivationExplorer', 'DeepLinearExplorer', 'GradientFlow', 'InitComparison', 'RemediesExplorer', 'SymmetryMeter']);

/** @throws Error when two explorers of a page would share their settings in its address. */
function onePerAddress(nodes: JsxNode[], where: (n: JsxNode) => string): void {
  const seen = new Map<string, JsxNode>();
  for (const node of nodes.filter((n) => EXPLORERS.has(n.name ?? ''))) {
    const urlKey = node.name === 'RemediesExplorer' ? String(attributeValues(node).props.urlKey ?? 'remedies') : '';
    const key = `${node.name} ${urlKey}`;
    const first = seen.get(key);
    const fix = urlKey ? `give each a different urlKey (this one is "${urlKey}")` : 'use it once per page';
    if (first) throw new Error(`${where(node)}: <${node.name}> is already on this page (line ${first.position?.start.line ?? '?'}); both would keep their settings under the same name in the page address, so ${fix}`);
    seen.set(key, node);
  }
}

function check(tree: Root, file: { path?: string }, options: LessonComponentOptions): void {
  const path = file.path ? relative(options.root, file.path) : 'MDX';
  const all: JsxNode[] = [];
  const esm: JsxNode[] = [];
  visit(tree as unknown as JsxNode, all, esm);
  const nodes = all.filter((n) => n.name && names.has(n.name));
  const declared = new Map<string, ExperimentDecl>();
  const where = (n: JsxNode) => `${path}:${n.position?.start.line ?? '?'}`;

  // A capitalized tag must be imported or defined in the file; catch typos with the file and line.
  const defined = definedNames(esm);
  for (const node of all) {
    const name = node.name ?? '';
    if (!/^[A-Z]/.test(name) || name.includes('.') || defined.has(name)) continue;
    if (names.has(name)) throw new Error(`${where(node)}: <${name}> is a lesson component but is not imported in this file; add: import { ${name} } from '~/components';`);
    const guess = closest(name, [...names, ...defined]);
    const hint = guess ? `; did you mean <${guess}>?` : '';
    const fix = guess && names.has(guess) && !defined.has(guess) ? ` Import it with: import { ${guess} } from '~/components';` : '';
    throw new Error(`${where(node)}: <${name}> is not imported or defined in this file${hint}${fix}`);
  }

  onePerAddress(nodes, where);

  for (const node of nodes.filter((n) => n.name === 'Experiment')) {
    const { props, dynamic } = attributeValues(node);
    const source = where(node);
    requireLiterals('Experiment', dynamic, source);
    const decl = parseExperiment(props, source);
    if (declared.has(decl.id)) throw new PropError('Experiment', 'id', 'unique in the lesson', decl.id, source);
    declared.set(decl.id, decl);
    setAttribute(node, '__source', source);
  }

  // <InitComparison id="…">: <RunValue comparison="…"> gets its props, to read the same prerendered runs.
  const comparisons = new Map<string, Record<string, unknown>>();
  for (const node of nodes.filter((n) => n.name === 'InitComparison')) {
    const { props } = attributeValues(node);
    if (typeof props.id !== 'string') continue;
    comparisons.set(props.id, props);
  }

  for (const node of nodes.filter((n) => n.name !== 'Experiment')) {
    const name = node.name as keyof typeof componentSchemas;
    const { props, dynamic } = attributeValues(node);
    const source = where(node);
    requireLiterals(name, dynamic, source);
    if (typeof props.comparison === 'string') {
      const target = comparisons.get(props.comparison);
      if (!target) throw new PropError(name, 'comparison', comparisons.size ? `the id of an <InitComparison> in this lesson (${[...comparisons.keys()].join(', ')})` : 'the id of an <InitComparison id="…"> in this lesson (none has an id)', props.comparison, source);
      setAttribute(node, '__comparison', JSON.stringify(target));
    }
    parseProps(name, { ...props, __source: source });
    const refs = referencedIds(props);
    const used: ExperimentDecl[] = [];
    for (const { prop, ids } of refs) {
      for (const id of ids) {
        const decl = declared.get(id);
        if (!decl) {
          const known = [...declared.keys()];
          throw new PropError(name, prop, known.length ? `one of the experiments declared in this lesson (${known.join(', ')})` : 'an experiment declared with <Experiment id="…"> in this lesson (none is declared)', id, source);
        }
        used.push(decl);
      }
    }
    if ('experiment' in componentSchemas[name].shape || 'experiments' in componentSchemas[name].shape) {
      if (refs.length === 0 && props.comparison === undefined) throw new PropError(name, 'experiment', 'an experiment id (or experiments="a,b")', undefined, source);
      setAttribute(node, '__experiments', JSON.stringify(used));
    }
    setAttribute(node, '__source', source);
  }
}
