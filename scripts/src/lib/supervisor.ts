/**
 * Supervision of what one command (`npm start`) runs: child processes and in-process servers. When
 * any of them ends or fails, when the command gets SIGINT, SIGTERM or SIGHUP, when its own parent
 * dies, or when it hits an uncaught error, everything it started is stopped — each part in reverse
 * order of start, child processes as whole process groups, then whatever process is still left
 * below this one (a build's workers) — and the command exits with a line saying what happened.
 *
 * Adding a part is one call: `spawn(name, command, args)` for a new process, `watch(name, child)`
 * for one started elsewhere, `watchServer(name, server)` for an HTTP server in this process.
 * @module
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { childrenOf, isAlive } from './processes.ts';

/** Options of {@link supervise}. */
export interface SuperviseOptions {
  /** Where the supervisor's lines go (default: stderr, `[start] ` first). */
  readonly log?: (line: string) => void;
  /** How long a part may take to stop after SIGTERM before it gets SIGKILL (default 10 s). */
  readonly graceMs?: number;
  /** How often the parent is checked, in milliseconds (default 1000). */
  readonly parentCheckMs?: number;
  /** Ends the process (default `process.exit`); tests replace it. */
  readonly exit?: (code: number) => void;
}

/** What one command started and stops together. */
export interface Supervisor {
  /** Starts a process in a process group of its own; its end stops everything. */
  spawn(name: string, command: string, args: readonly string[], options?: SpawnOptions): ChildProcess;
  /**
   * Watches a child process started elsewhere; its end stops everything. Spawn it with
   * `detached: true` so that its own children are stopped with it as one group.
   */
  watch(name: string, child: ChildProcess): void;
  /** Watches an HTTP server of this process: an error or a close nobody asked for stops everything. */
  watchServer(name: string, server: Server): void;
  /** Stops everything, says why, and exits with `exitCode`. Later calls wait for the first. */
  stop(reason: string, exitCode?: number): Promise<void>;
}

interface Part {
  name: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every process below `pid`, deepest first. */
function descendantsOf(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [...descendantsOf(child), child]);
}

/** Sends `signal` to a process group, or to the process when it leads none. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** How a child process ended, in words. */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

/**
 * Starts supervising: installs the signal, parent and uncaught-error handlers of this process and
 * returns the supervisor to register parts with.
 */
export function supervise(options: SuperviseOptions = {}): Supervisor {
  const log = options.log ?? ((line: string) => process.stderr.write(`[start] ${line}\n`));
  const graceMs = options.graceMs ?? 10_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const parts: Part[] = [];
  let stopping: Promise<void> | null = null;

  const stopProcess = async (child: ChildProcess) => {
    const pid = child.pid;
    if (!pid) return;
    const ended = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    signalGroup(pid, 'SIGTERM');
    const timedOut = await Promise.race([ended.then(() => false), sleep(graceMs).then(() => true)]);
    // The group may outlive its leader: make sure nothing of it is left.
    signalGroup(pid, timedOut ? 'SIGKILL' : 'SIGTERM');
    if (timedOut) await Promise.race([ended, sleep(1000)]);
  };

  const stopStragglers = async () => {
    let left = descendantsOf(process.pid);
    for (const pid of left) signalGroup(pid, 'SIGTERM');
    for (let waited = 0; waited < graceMs && left.some(isAlive); waited += 100) await sleep(100);
    left = left.filter(isAlive);
    for (const pid of left) signalGroup(pid, 'SIGKILL');
  };

  const supervisor: Supervisor = {
    spawn(name, command, args, spawnOptions = {}) {
      const child = spawn(command, args, { stdio: 'inherit', ...spawnOptions, detached: true });
      supervisor.watch(name, child);
      return child;
    },
    watch(name, child) {
      parts.push({ name, stop: () => stopProcess(child) });
      child.once('exit', (code, signal) => {
        void supervisor.stop(`${name} (pid ${child.pid}) ${describeExit(code, signal)}`, 1);
      });
      child.once('error', (error) => void supervisor.stop(`${name} could not run: ${error.message}`, 1));
    },
    watchServer(name, server) {
      let closing = false;
      parts.push({
        name,
        stop: () =>
          new Promise<void>((resolve) => {
            closing = true;
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      });
      server.on('error', (error) => void supervisor.stop(`${name} failed: ${error.message}`, 1));
      server.on('close', () => {
        if (!closing) void supervisor.stop(`${name} stopped listening`, 1);
      });
    },
    stop(reason, exitCode = 1) {
      stopping ??= (async () => {
        log(`${reason}: stopping ${parts.map((part) => part.name).join(', ') || 'everything'}`);
        for (const part of [...parts].reverse()) {
          await part
            .stop()
            .catch((error: Error) => log(`${part.name} did not stop cleanly: ${error.message}`));
        }
        await stopStragglers();
        log('stopped');
        exit(exitCode);
      })();
      return stopping;
    },
  };

  // A closed terminal or pipe must not turn a log line into a crash halfway through stopping.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void supervisor.stop(`got ${signal}`, 0));
  }
  process.on(
    'uncaughtException',
    (error) => void supervisor.stop(`uncaught error: ${error.stack ?? error}`, 1),
  );
  process.on(
    'unhandledRejection',
    (error) => void supervisor.stop(`unhandled rejection: ${String(error)}`, 1),
  );
  // An orphan is adopted by init (or a subreaper): a new parent id means the old parent is gone.
  const parent = process.ppid;
  const parentCheck = setInterval(() => {
    if (process.ppid !== parent) void supervisor.stop(`the parent process (pid ${parent}) is gone`, 1);
  }, options.parentCheckMs ?? 1000);
  parentCheck.unref();
  return supervisor;
}
