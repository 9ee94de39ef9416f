/** The GitHub Pages workflow builds with the Pages base path and deploys the built dist/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RUN_CACHE_PATH } from '../../src/prerender/run-cache.ts';
import { projectRoot } from './support/build';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(join(projectRoot, '.github/workflows/deploy.yml'), 'utf8')) as Workflow;
const build = workflow.jobs.build;
const deploy = workflow.jobs.deploy;
const indexOf = (job: Job, test: (s: Step) => boolean) => job.steps.findIndex(test);
const action = (name: string) => (s: Step) => s.uses?.split('@')[0] === name;

describe('deploy workflow', () => {
  it('runs on pushes to main and on demand, one deployment at a time', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.concurrency?.group).toBe('pages');
  });

  it('installs with npm ci on the Node version from .nvmrc, which matches the pinned node package', () => {
    const setup = build.steps[indexOf(build, action('actions/setup-node'))];
    expect(setup.with?.['node-version-file']).toBe('.nvmrc');
    const nvmrc = readFileSync(join(projectRoot, '.nvmrc'), 'utf8').trim();
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(nvmrc).toBe(pkg.devDependencies.node);
    expect(indexOf(build, (s) => s.run === 'npm ci')).toBeGreaterThan(indexOf(build, action('actions/setup-node')));
    expect(indexOf(build, action('actions/checkout'))).toBe(0);
  });

  it('builds with the site origin and base path from actions/configure-pages', () => {
    const pagesIndex = indexOf(build, action('actions/configure-pages'));
    const buildIndex = indexOf(build, (s) => s.run === 'npm run build');
    expect(build.steps[pagesIndex].id).toBe('pages');
    expect(buildIndex).toBeGreaterThan(pagesIndex);
    expect(build.steps[buildIndex].env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
  });

  it('keeps the build-time run cache between deploys with actions/cache, restored after npm ci and before the build', () => {
    const cacheIndex = indexOf(build, action('actions/cache'));
    expect(cacheIndex).toBeGreaterThan(indexOf(build, (s) => s.run === 'npm ci'));
    expect(cacheIndex).toBeLessThan(indexOf(build, (s) => s.run === 'npm run build'));
    const step = build.steps[cacheIndex];
    // The folder the build writes its runs to.
    expect(step.with?.path).toBe(RUN_CACHE_PATH);
    const key = String(step.with?.key);
    expect(key).toMatch(/^vg-runs-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\(.*'src\/engine\/\*\*'.*\) \}\}$/);
    expect(key).toContain("'src/prerender/**'");
    expect(String(step.with?.['restore-keys']).trim()).toBe('vg-runs-${{ runner.os }}-');
  });

  it('uploads dist/ with upload-pages-artifact after the build', () => {
    const uploadIndex = indexOf(build, action('actions/upload-pages-artifact'));
    expect(uploadIndex).toBeGreaterThan(indexOf(build, (s) => s.run === 'npm run build'));
    expect(build.steps[uploadIndex].with?.path).toBe('dist');
  });

  it('deploys with deploy-pages in the github-pages environment with the right permissions', () => {
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    const step = deploy.steps[indexOf(deploy, action('actions/deploy-pages'))];
    expect(step.id).toBe('deployment');
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    // The build job itself needs no write access.
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(build.permissions).toBeUndefined();
  });
});
