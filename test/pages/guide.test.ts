/**
 * The authoring guide's component reference stays in sync with the components: every public
 * component has a section with a live example and a table of exactly its props, whose defaults and
 * allowed values are those of src/components/props.ts (the allowed values in the words of the
 * build's error messages). Change a prop, and this test names the guide row to update.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PropError } from '../../src/kit/props.ts';
import { componentSchemas, parseProps } from '../../src/components/props.ts';
import { parseExperiment } from '../../src/run/experiment.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/engine/index.ts';

const root = new URL('../../', import.meta.url);
const guide = readFileSync(new URL('src/pages/guide.mdx', root), 'utf8');
const exported = [...readFileSync(new URL('src/components/index.ts', root), 'utf8').matchAll(/export \{ default as (\w+) \}/g)].map((m) => m[1]);

interface Row { prop: string; type: string; default: string; allowed: string }

/** The text of the `### \`<Name>\`` section, up to the next heading of level 2 or 3. */
function section(name: string): string {
  const start = guide.indexOf(`### \`<${name}>\``);
  if (start < 0) return '';
  const rest = guide.slice(start + 4);
  const end = rest.search(/^#{2,3} /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Rows of the first table whose header starts with "| Prop |". */
function propTable(text: string): Row[] {
  const lines = text.split('\n');
  const head = lines.findIndex((l) => l.startsWith('| Prop |'));
  if (head < 0) return [];
  const rows: Row[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
    rows.push({ prop: cells[0].replace(/`/g, ''), type: cells[1], default: cells[2], allowed: cells[3] });
  }
  return rows;
}

const plain = (s: string) => s.replace(/[`"]/g, '').replace(/\s+/g, ' ').trim();
const shown = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v));

/** The error's "allowed" words for a bad value of `prop` (the same words the build prints). */
function allowedWords(parse: (props: Record<string, unknown>) => unknown, base: Record<string, unknown>, prop: string): string {
  for (const bad of ['Bad Value!', 'x'.repeat(201), 1e12, -1e12]) {
    try {
      parse({ ...base, [prop]: bad });
    } catch (e) {
      if (e instanceof PropError && e.prop === prop) return e.allowed;
    }
  }
  throw new Error(`no bad value of ${prop} was rejected`);
}

/** Code outside fenced blocks and inline code: where a live example must be. */
const live = (text: string) => text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');

describe('authoring guide: component reference', () => {
  it('imports every public component from ~/components', () => {
    const imported = /import \{([^}]*)\} from '~\/components';/.exec(guide)?.[1].split(',').map((s) => s.trim()).filter(Boolean);
    expect(imported?.sort()).toEqual([...exported].sort());
    expect(guide).not.toMatch(/from '\.\.?\//);
  });

  it.each(exported)('<%s> has a section with a live example and a props table', (name) => {
    const text = section(name);
    expect(text, `guide has no "### \`<${name}>\`" section`).not.toBe('');
    expect(live(text), `the ${name} section shows no live <${name}>`).toMatch(new RegExp(`<${name}[\\s/>]`));
    expect(text, `the ${name} section shows no example code`).toMatch(new RegExp('```mdx\\n<' + name));
    expect(propTable(text).length, `the ${name} section has no "| Prop |" table`).toBeGreaterThan(0);
  });

  const figureRequired: Record<string, Record<string, unknown>> = { experiment: { experiment: 'x' }, experiments: { experiments: 'x' }, symbol: { symbol: 'he' }, value: { value: 'cost' } };

  it.each(Object.keys(componentSchemas))('the <%s> table lists exactly its props, defaults and allowed values', (name) => {
    const schema = componentSchemas[name as keyof typeof componentSchemas];
    const props = Object.keys(schema.shape).filter((k) => !k.startsWith('__'));
    const rows = propTable(section(name));
    expect(rows.map((r) => r.prop)).toEqual(props);
    const base: Record<string, unknown> = {};
    for (const key of props) if (figureRequired[key] && !schema.shape[key as keyof typeof schema.shape].safeParse(undefined).success) Object.assign(base, figureRequired[key]);
    for (const row of rows) {
      const field = schema.shape[row.prop as keyof typeof schema.shape];
      const parsed = field.safeParse(undefined);
      const where = `<${name}> ${row.prop}`;
      expect(row.type, where).not.toBe('');
      if (!parsed.success) expect(row.default, where).toBe('required');
      else if (parsed.data === undefined) expect(row.default, where).not.toBe('required');
      else expect(plain(row.default).replace(/\s/g, ''), where).toBe(shown(parsed.data));
      expect(plain(row.allowed), where).toBe(plain(allowedWords((p) => parseProps(name as keyof typeof componentSchemas, p), base, row.prop)));
    }
  });

  it('the <Experiment> table lists exactly its props, defaults and allowed values', () => {
    let known: string[] = [];
    try {
      parseExperiment({ id: 'x', zzz: 1 });
    } catch (e) {
      known = (/\(([^)]*)\)/.exec((e as PropError).allowed)?.[1] ?? '').split(', ');
    }
    const rows = propTable(section('Experiment'));
    expect(rows.map((r) => r.prop)).toEqual(known);
    for (const row of rows) {
      const where = `<Experiment> ${row.prop}`;
      expect(row.type, where).not.toBe('');
      const value = (DEFAULT_TRAIN_CONFIG as unknown as Record<string, unknown>)[row.prop];
      if (row.prop === 'id') expect(row.default, where).toBe('required');
      else if (value !== undefined) expect(plain(row.default), where).toBe(shown(value));
      expect(plain(row.allowed), where).toBe(plain(allowedWords((p) => parseExperiment(p), { id: 'x' }, row.prop)));
    }
  });
});

describe('authoring guide: links', () => {
  it('links to no lesson (the build tests build the guide with other lessons in content/lessons)', () => {
    expect(live(guide)).not.toMatch(/\]\(\/lessons\//);
  });
});

describe('authoring guide: setup', () => {
  it('does not ask for a system Node 22', () => {
    expect(guide).not.toMatch(/You need Node\.js 22/);
    expect(guide).toMatch(/`node`\s+package/);
  });
});
