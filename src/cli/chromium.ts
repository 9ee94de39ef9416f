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
  // Chromium 156 loads its omnibox popup (chrome://omnibox-popup.top-chrome/) in a renderer of its own for every new
  // window, so for every page the bench or a test opens: 300–380 ms of CPU in the 2 s after load, beside the page
  // under test on 2 cores (traced). A reader's browser loads it once per window. Playwright keeps its own list too.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,PreloadTopChromeWebUI',
];

/** Chromium binary: Debian's package, overridable with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
