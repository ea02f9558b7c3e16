import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What a measured child process did. */
export interface MeasuredRun {
  code: number;
  wallMs: number;
  /** Highest resident memory of the process and its descendants together, in bytes (sampled). */
  peakRssBytes: number;
}

function childrenOf(pid: number): number[] {
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
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

/**
 * Runs a command, forwarding its output (or capturing it when `quiet`), and samples the memory of
 * its process tree every 100 ms from /proc.
 */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean; onOutput?: (chunk: string) => void },
): Promise<MeasuredRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      const text = chunk.toString();
      options.onOutput?.(text);
      if (!options.quiet) stream.write(text);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, wallMs: performance.now() - started, peakRssBytes: peak });
    });
  });
}
