/**
 * Vitest globalSetup for the e2e project: fail fast, with a message that says
 * what to do, when the built site or the browser is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, distDir } from './paths.ts';

export default function setup(): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `e2e: ${distDir} has no index.html. Build the site first with \`npx astro build\` ` +
        '(`npm test` builds it before running the e2e project).',
    );
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `e2e: no Chromium at ${chromiumPath}. Install Debian's package ` +
        '(`apt-get install -y chromium`; `.ci/run` does this) or set CHROMIUM_PATH.',
    );
  }
}
