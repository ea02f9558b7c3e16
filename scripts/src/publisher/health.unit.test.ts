import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { inspectionNiceness, run } from './health.ts';

describe('the inspection’s processes', () => {
  it('run at the lowest priority, so that the next build is not slowed by the last release’s check', async () => {
    const children = new Set<import('node:child_process').ChildProcess>();
    const { code, output } = await run(
      ['-e', "process.stdout.write(String(require('node:os').getPriority()))"],
      process.env,
      children,
    );
    expect(code).toBe(0);
    expect(Number(output)).toBe(Math.max(inspectionNiceness, getPriority()));
    expect(inspectionNiceness).toBe(19);
    expect(children.size).toBe(0);
    // A process at the lowest priority on a machine busy with other work starts slowly.
  }, 60_000);
});
