/**
 * The dev server teaches too: an MDX syntax mistake in a lesson prints file:line:column and the
 * fix in the `astro dev` terminal (it used to print no line at all), and the page shows it.
 * One dev server serves several broken lessons; each is compiled when its page is requested.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyWithLessons, removeDir } from './support/build';

const PORT = 4313;
const lesson = (order: number, body: string) => `---\ntitle: Lesson ${order}\ndescription: A fixture.\norder: ${order}\ndate: 2025-01-01\n---\n\n${body}\n`;
const BROKEN: Record<string, [body: string, expected: string]> = {
  lt: ['Intro.\n\nFor l<L the term vanishes.', 'content/lessons/lt.mdx:10:6: "<" before a letter is read as the start of a tag <L> in MDX.\n  Fix: put a space after "<" (l < L), write &lt;, or use math ($l < L$).'],
  brace: ['Assigned to {no one/a team}.', 'content/lessons/brace.mdx:8:13: "{no one/a team}" is read as a JavaScript expression in MDX.\n  Fix: write literal braces as \\{no one/a team\\}'],
  comment: ['A <!-- later --> note.', 'content/lessons/comment.mdx:8:3: an HTML comment "<!-- … -->" is not valid in MDX.\n  Fix: write the comment as {/* later */}.'],
};

let project: string;
let server: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  const broken = Object.entries(BROKEN).map(([name, [body]], i) => [`${name}.mdx`, lesson(i + 2, body)]);
  project = copyWithLessons({ 'good.mdx': lesson(1, '## Fine\n\nText with $x^2$.'), ...Object.fromEntries(broken) });
  const bin = join(project, 'node_modules/.bin');
  server = spawn(join(bin, 'astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: project,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'development', VITEST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => (output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, ''));
  server.stdout!.on('data', collect);
  server.stderr!.on('data', collect);
  const start = Date.now();
  while (!/127\.0\.0\.1:\d+/.test(output)) {
    if (Date.now() - start > 180_000 || server.exitCode !== null) throw new Error(`dev server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}, 240_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  removeDir(project);
});

describe('astro dev', () => {
  it('renders a good lesson', async () => {
    const res = await fetch(`http://127.0.0.1:${PORT}/lessons/good/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('class="katex"');
  });

  for (const [name, [, expected]] of Object.entries(BROKEN)) {
    it(`${name}: the terminal names file:line:column and the fix`, async () => {
      const before = output.length;
      const res = await fetch(`http://127.0.0.1:${PORT}/lessons/${name}/`);
      expect(res.status).toBe(500);
      const start = Date.now();
      while (!output.slice(before).includes(expected) && Date.now() - start < 60_000) await new Promise((r) => setTimeout(r, 250));
      expect(output.slice(before)).toContain(expected);
    });
  }
});
