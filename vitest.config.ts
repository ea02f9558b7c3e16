import { defineConfig } from 'vitest/config';

/**
 * One Vitest run over every package; each package folder carries its own vitest.config.ts.
 * Files run one at a time: the integration suites boot Strapi, build sites and drive Chromium and
 * Lighthouse, each of which wants the machine's two cores to itself (Lighthouse scores performance).
 */
export default defineConfig({
  test: {
    projects: ['shared', 'scripts/demo', 'scripts', 'themes', 'sites', 'cms', 'test'],
    passWithNoTests: true,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
