/**
 * Accessibility checks with axe-core, injected from node_modules (no network).
 *
 *   const violations = await runAxe(page);                 // or runAxe(page, 'symmetry-meter'): that element only
 *   expect(violations, formatViolations(violations)).toEqual([]);
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** WCAG 2.0, 2.1 and 2.2 A and AA (2.2 adds AA's target size) plus axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** One CSS selector path per offending node. */
  targets: string[];
}

/** Run axe on the page's whole document, or only within the elements `include` selects; returns the violations (empty when clean). */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated over the DevTools protocol: the site's CSP refuses an injected inline <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async ({ tags, include }) => {
    type RawNode = { target: unknown[] };
    type RawViolation = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: RawNode[] };
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<{ violations: RawViolation[] }> } }).axe;
    const result = await axe.run(include ? { include: [[include]] } : document, { runOnly: tags });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map(String).join(' >> ')),
    }));
  }, { tags: AXE_TAGS, include });
}

/** Human-readable multi-line report; '' when there are no violations. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.helpUrl})\n` +
        v.targets.map((t) => `    ${t}`).join('\n'),
    )
    .join('\n');
}
