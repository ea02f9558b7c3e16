import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sites',
    include: ['src/**/*.unit.test.ts'],
  },
});
