import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProcesses, mergeInto } from './partitioned-build.ts';

let work: string | undefined;

function tree(files: Record<string, string>): string {
  work ??= mkdtempSync(path.join(tmpdir(), 'gc-merge-'));
  const dir = mkdtempSync(path.join(work, 'out-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

describe('mergeInto', () => {
  it('moves the pages of one process into the output of another, folder by folder', async () => {
    const into = tree({ 'index.html': 'home', 'bm/a/index.html': 'a', 'sites.json': '{}' });
    const from = tree({ 'bm/b/index.html': 'b', 'bm/a/x/index.html': 'ax', 'sites.json': '{}' });
    await mergeInto(from, into);
    expect(readFileSync(path.join(into, 'bm/b/index.html'), 'utf8')).toBe('b');
    expect(readFileSync(path.join(into, 'bm/a/x/index.html'), 'utf8')).toBe('ax');
    expect(readFileSync(path.join(into, 'bm/a/index.html'), 'utf8')).toBe('a');
  });

  it('refuses two different versions of one file', async () => {
    const into = tree({ 'robots.txt': 'User-agent: *' });
    const from = tree({ 'robots.txt': 'User-agent: other' });
    await expect(mergeInto(from, into)).rejects.toThrow(/different versions of robots\.txt/);
  });
});

describe('buildProcesses', () => {
  it('takes GOVCLUSTER_BUILD_PROCESSES and refuses what is not a count', () => {
    expect(buildProcesses({ GOVCLUSTER_BUILD_PROCESSES: '3' })).toBe(3);
    expect(() => buildProcesses({ GOVCLUSTER_BUILD_PROCESSES: 'two' })).toThrow(/whole number from 1 to 16/);
    expect(() => buildProcesses({ GOVCLUSTER_BUILD_PROCESSES: '0' })).toThrow(/not “0”/);
  });

  it('defaults to one process per core, at most four, as many as the memory holds', () => {
    const gb = 2 ** 30;
    expect(buildProcesses({}, { cores: 2, memoryBytes: 24 * gb })).toBe(2);
    expect(buildProcesses({}, { cores: 16, memoryBytes: 64 * gb })).toBe(4);
    expect(buildProcesses({}, { cores: 8, memoryBytes: 8 * gb })).toBe(2);
    expect(buildProcesses({}, { cores: 4, memoryBytes: 2 * gb })).toBe(1);
    expect(buildProcesses({}, { cores: 1, memoryBytes: 24 * gb })).toBe(1);
    expect(buildProcesses({ GOVCLUSTER_BUILD_PROCESSES: '1' }, { cores: 8, memoryBytes: 64 * gb })).toBe(1);
  });
});
