/** Chromium for the browser tests: the one launcher of the project, `scripts/src/lib/chromium.ts`. */
export { chromiumFlags, chromiumPath, launchChromium } from '../../scripts/src/lib/chromium.ts';
