/**
 * How the bench and the browser tests launch Debian's Chromium (playwright-core, no download):
 * headless, with the flags that keep it quiet on a closed network (its own background traffic refused).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Chromium binary: Debian's package, overridable with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
