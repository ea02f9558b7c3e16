import { defineProject } from 'vitest/config';

/**
 * The files that run alone, after everything else (vitest.alone.config.ts): Lighthouse scores
 * performance from the traces it records.
 */
export const alone = ['site/lighthouse.browser.test.ts'];

/** Cross-package tests: builds of the fixture cluster, real Strapi, Chromium. */
export default defineProject({
  test: {
    name: 'test',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.tsbuild/**', ...alone],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
