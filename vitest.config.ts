import { defineConfig } from 'vitest/config';

/**
 * One Vitest run over every package; each package folder carries its own vitest.config.ts. `npm test`
 * runs a file per core (scripts/src/run-tests.ts): every integration suite boots its own Strapi on its
 * own database and port, drives its own Chromium, and shares the fixture builds through locked caches
 * (test/site/fixture.ts). What must have the machine to itself runs alone, last
 * (test/vitest.alone.config.ts).
 */
export default defineConfig({
  test: {
    projects: [
      'shared',
      'scripts/demo',
      'scripts',
      'themes',
      'sites',
      'cms',
      'test',
      'test/vitest.alone.config.ts',
    ],
    passWithNoTests: true,
  },
});
