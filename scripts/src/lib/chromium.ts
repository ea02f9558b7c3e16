/**
 * Debian's Chromium as the project runs it (tests, bench:search): headless, an empty profile, and
 * nothing that would call hosts other than loopback. Never a browser download.
 * @module
 */
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which `npm test` installs when it is missing (`CHROMIUM_PATH` overrides). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, with nothing that would call hosts other than loopback. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Debian's Chromium headless with an empty profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}
