/**
 * Smoke test of the built site (dist/): the home page loads in both colour
 * schemes without console errors and without any request leaving localhost.
 * Deliberately content-agnostic: lesson pages are checked by their own tests.
 */
import { expect, it } from 'vitest';
import { artifactPath } from './support/artifacts.ts';
import { openPage } from './support/browser.ts';
import { serveDist } from './support/site.ts';

const site = serveDist();

for (const colorScheme of ['light', 'dark'] as const) {
  it(`home page loads cleanly (${colorScheme})`, async () => {
    const { page, response, consoleErrors, externalRequests, close } = await openPage(site.url, {
      colorScheme,
      waitUntil: 'networkidle',
    });
    try {
      expect(response?.status()).toBe(200);
      expect(await page.locator('body').count()).toBe(1);
      await page.screenshot({ path: artifactPath(`smoke/home-${colorScheme}.png`), fullPage: true });
      expect(consoleErrors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await close();
    }
  });
}

it('unknown URLs get a 404 without leaving localhost', async () => {
  const { response, externalRequests, close } = await openPage(`${site.url}no-such-page-e2e-smoke/`);
  try {
    expect(response?.status()).toBe(404);
    expect(externalRequests).toEqual([]);
  } finally {
    await close();
  }
});
