import { defineProject } from 'vitest/config';
import { alone } from './vitest.config.ts';

/** The tests that want the machine to themselves: one file at a time, after every other project. */
export default defineProject({
  test: {
    name: 'test-alone',
    include: alone,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    maxWorkers: 1,
    sequence: { groupOrder: 1 },
  },
});
