import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { childrenOf } from './processes.ts';

/** What a measured child process did. */
export interface MeasuredRun {
  code: number;
  wallMs: number;
  /** Highest resident memory of the process and its descendants together, in bytes (sampled). */
  peakRssBytes: number;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match?.[1] ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function treeRss(pid: number): number {
  let total = rssOf(pid);
  for (const child of childrenOf(pid)) total += treeRss(child);
  return total;
}

/** One command of {@link runMeasuredGroup}. */
export interface MeasuredCommand {
  command: string;
  args: string[];
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean; onOutput?: (chunk: string) => void };
}

/**
 * Runs a command, forwarding its output (or capturing it when `quiet`), and samples the memory of
 * its process tree every 100 ms from /proc.
 */
export async function runMeasured(
  command: string,
  args: string[],
  options: MeasuredCommand['options'],
): Promise<MeasuredRun> {
  const group = await runMeasuredGroup([{ command, args, options }]);
  return { code: group.codes[0] ?? 1, wallMs: group.wallMs, peakRssBytes: group.peakRssBytes };
}

/**
 * Runs commands side by side. The peak is the highest sum of the resident memory of all their
 * process trees at one sampling moment; the wall time runs until the last one ends.
 */
export function runMeasuredGroup(
  commands: MeasuredCommand[],
): Promise<{ codes: number[]; wallMs: number; peakRssBytes: number }> {
  const started = performance.now();
  const pids: number[] = [];
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(
      peak,
      pids.reduce((sum, pid) => sum + treeRss(pid), 0),
    );
  }, 100);
  const runs = commands.map(
    ({ command, args, options }) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(command, args, {
          cwd: options.cwd,
          env: options.env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        if (child.pid) pids.push(child.pid);
        const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
          const text = chunk.toString();
          options.onOutput?.(text);
          if (!options.quiet) stream.write(text);
        };
        child.stdout.on('data', forward(process.stdout));
        child.stderr.on('data', forward(process.stderr));
        child.on('error', reject);
        child.on('close', (code) => {
          if (child.pid) pids.splice(pids.indexOf(child.pid), 1);
          resolve(code ?? 1);
        });
      }),
  );
  return Promise.all(runs).then(
    (codes) => {
      clearInterval(timer);
      return { codes, wallMs: performance.now() - started, peakRssBytes: peak };
    },
    (error) => {
      clearInterval(timer);
      throw error;
    },
  );
}
