import { defineConfig } from 'vitest/config';

/** The CMS suites boot real Strapi instances: one per file, compiled once, generous timeouts. */
export default defineConfig({
  test: {
    name: 'cms',
    include: ['src/**/*.test.ts', 'tools/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
