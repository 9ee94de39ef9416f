import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { VFile } from 'vfile';
import remarkLessonComponents from '../../src/markdown/remark-lesson-components.ts';

interface Attr { name: string; value: unknown }
const IMPORTS = "import { Experiment, CostCurve, InitComparison, RunValue } from '~/components';\nimport Foo from './foo.astro';\n\n";
const run = (body: string) => {
  const mdx = IMPORTS + body;
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkLessonComponents, { root: '/repo' });
  const tree = processor.parse(mdx);
  processor.runSync(tree, new VFile({ path: '/repo/content/lessons/x.mdx', value: mdx }));
  const nodes: { name: string; attributes: Attr[] }[] = [];
  const walk = (n: { type: string; name?: string; attributes?: Attr[]; children?: unknown[] }) => {
    if (n.type.startsWith('mdxJsx') && n.name) nodes.push({ name: n.name, attributes: n.attributes ?? [] });
    (n.children ?? []).forEach((c) => walk(c as never));
  };
  walk(tree as never);
  return nodes;
};
const attr = (n: { attributes: Attr[] }, name: string) => n.attributes.find((a) => a.name === name)?.value;

describe('remark-lesson-components', () => {
  const declare = '<Experiment id="zeros" init="zeros" learningRate={1.2} iterations={10000} />\n\n';

  it('injects the source line and the referenced experiments', () => {
    const [exp, fig] = run(`${declare}<CostCurve experiment="zeros" yScale="log" />\n`);
    expect(attr(exp, '__source')).toBe('content/lessons/x.mdx:4');
    expect(attr(fig, '__source')).toBe('content/lessons/x.mdx:6');
    const decls = JSON.parse(attr(fig, '__experiments') as string);
    expect(decls).toHaveLength(1);
    expect(decls[0]).toMatchObject({ id: 'zeros', config: { init: 'zeros', learningRate: 1.2, iterations: 10000 } });
  });

  it('gives <RunValue comparison> the props of the <InitComparison> with that id, and checks the reference', () => {
    const nodes = run('<InitComparison id="shallow" hidden="relu" width={8} />\n\nHe reaches <RunValue comparison="shallow" scheme="he" value="cost" /> here.\n');
    const value = nodes.find((n) => n.name === 'RunValue')!;
    expect(JSON.parse(attr(value, '__comparison') as string)).toEqual({ id: 'shallow', hidden: 'relu', width: 8 });
    expect(attr(value, '__source')).toBe('content/lessons/x.mdx:6');
    expect(() => run('<InitComparison id="a" />\n\nx <RunValue comparison="b" scheme="he" value="cost" />\n')).toThrow(
      'content/lessons/x.mdx:6: <RunValue> prop "comparison" must be the id of an <InitComparison> in this lesson (a); got "b"',
    );
    expect(() => run(`${declare}x <RunValue experiment="zeros" value="gradientNorm" />\n`)).toThrow('<RunValue> prop "layer" must be the layer l of ‖dW[l]‖');
    expect(() => run(`${declare}x <RunValue value="cost" />\n`)).toThrow('<RunValue> prop "experiment" must be given, or else comparison (exactly one of the two); got nothing');
  });

  it('allows one explorer of a kind per page (their settings share the page address); RemediesExplorer once per urlKey', () => {
    expect(() => run('<InitComparison />\n\n<InitComparison width={4} />\n')).toThrow('content/lessons/x.mdx:6: <InitComparison> is already on this page (line 4); both would keep their settings under the same name in the page address, so use it once per page');
    const remedies = (a: string, b: string) => run(`import { RemediesExplorer } from '~/components';\n\n<RemediesExplorer ${a} />\n\n<RemediesExplorer ${b} />\n`);
    expect(() => remedies('depth={10}', 'urlKey="deep"')).not.toThrow();
    expect(() => remedies('urlKey="a"', 'urlKey="a"')).toThrow('give each a different urlKey (this one is "a")');
  });

  it('fails on an unknown experiment id, naming the declared ones', () => {
    expect(() => run(`${declare}<CostCurve experiment="big" />\n`)).toThrow('content/lessons/x.mdx:6: <CostCurve> prop "experiment" must be one of the experiments declared in this lesson (zeros); got "big"');
  });

  it('fails on a bad prop value at compile time', () => {
    expect(() => run(`${declare}<CostCurve experiment="zeros" yScale="cubic" />\n`)).toThrow('<CostCurve> prop "yScale" must be one of linear, log; got "cubic"');
    expect(() => run('<Experiment id="a" layers="2,3,2" />\n')).toThrow(/content\/lessons\/x\.mdx:4: <Experiment> prop "layers" must be/);
    expect(() => run('<Experiment id="a" learningRate={0} />\n')).toThrow(/prop "learningRate" must be a number > 0/);
    expect(() => run('<Experiment id="a" init="xavier" />\n')).toThrow(/prop "init" must be one of zeros, normal, lecun, glorot, he, constant; got "xavier"/);
    expect(() => run(`${declare}${declare}`)).toThrow(/prop "id" must be unique in the lesson; got "zeros"/);
  });

  it('evaluates literal expressions: numbers, negatives, arrays, strings', () => {
    const [exp] = run('<Experiment id="a" layers={[2, 4, 1]} learningRate={0.5} seed={7} />\n');
    expect(attr(exp, '__source')).toBe('content/lessons/x.mdx:4');
    expect(() => run('<Experiment id="a" scale={-1} init="normal" />\n')).toThrow(/prop "scale" must be a number from 0/);
  });

  it('names a misspelled or unimported component with the file and line', () => {
    expect(() => run('<Experimnt id="a" />\n')).toThrow("content/lessons/x.mdx:4: <Experimnt> is not imported or defined in this file; did you mean <Experiment>?");
    expect(() => run('<SummaryTable experiments="a" />\n')).toThrow("content/lessons/x.mdx:4: <SummaryTable> is a lesson component but is not imported in this file; add: import { SummaryTable } from '~/components';");
    expect(() => run('<Widget />\n')).toThrow(/^content\/lessons\/x\.mdx:4: <Widget> is not imported or defined in this file$/);
  });

  it('leaves other JSX alone', () => {
    const [other] = run('<Foo experiment="nope" />\n');
    expect(attr(other, '__source')).toBeUndefined();
  });
});

describe('one literal-value rule for every component', () => {
  const declare = '<Experiment id="zeros" init="zeros" />\n\n';
  it('stops on a computed prop of any component, naming component, prop, what was written and what to write', () => {
    expect(() => run('<Experiment id="a" iterations={100 * 10} />\n')).toThrow(
      'content/lessons/x.mdx:4: <Experiment> prop "iterations" must be a literal value the build can check: text in quotes (iterations="…"), a number (iterations={3}) or a list (iterations={[2, 4, 1]}); computed values are not allowed; got iterations={100 * 10}',
    );
    expect(() => run(`${declare}<CostCurve experiment={"ze" + "ros"} />\n`)).toThrow(/^content\/lessons\/x\.mdx:6: <CostCurve> prop "experiment" must be a literal value .*; got experiment=\{"ze" \+ "ros"\}$/);
    expect(() => run(`${declare}<CostCurve {...opts} />\n`)).toThrow(/<CostCurve> prop "spread" must be each prop written out, e\.g\. experiment="zeros"; got \{\.\.\.opts\}$/);
  });
});
