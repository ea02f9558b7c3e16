import { defineConfig } from 'vitest/config';

/**
 * One Vitest run over every package. Each package folder may carry its own vitest.config.ts
 * (integration suites set their own timeouts and setup); the rest use the defaults below.
 */
export default defineConfig({
  test: {
    projects: ['shared', 'scripts', 'themes', 'sites', 'cms', 'test'],
    passWithNoTests: true,
  },
});
