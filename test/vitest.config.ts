import { defineProject } from 'vitest/config';

/** Cross-package tests: builds of the fixture cluster, real Strapi, Chromium, Lighthouse. */
export default defineProject({
  test: {
    name: 'test',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.tsbuild/**'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
