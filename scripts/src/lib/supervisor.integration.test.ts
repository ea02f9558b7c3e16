/**
 * Supervision with real processes: a stand-in for `npm start` (supervisor-fixture.ts) runs two
 * child processes (one with a child of its own) and a static server on real ports. Whatever ends
 * first — a child killed, the server failing, a signal, the parent of the command killed — every
 * process is gone afterwards, every port is free again, and the command said what happened.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '@govcluster/shared/ports';
import { afterEach, describe, expect, it } from 'vitest';

const fixture = path.join(import.meta.dirname, 'supervisor-fixture.ts');

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Gone: no such process, or a zombie waiting for a parent that no longer cares. */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < ms; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

interface Running {
  /** The process the test started: the command, or the parent it runs under. */
  top: ChildProcess;
  pids: { pid: number; a: number; b: number; grandchild: number };
  ports: number[];
  output: string[];
  exited: Promise<number | null>;
}

/** What each test started, killed afterwards whatever the test found (a failing test leaves nothing). */
const started: Running[] = [];

/** Starts the stand-in (under an extra parent process when asked) and waits for everything to listen. */
async function start(underParent = false): Promise<Running> {
  const ports = [await freePort(), await freePort(), await freePort(), await freePort()];
  const command = [process.execPath, '--import', 'tsx', fixture, ...ports.map(String)];
  const top = underParent
    ? spawn(process.execPath, [
        '-e',
        `require('node:child_process').spawn(${JSON.stringify(command[0])}, ${JSON.stringify(command.slice(1))}, { stdio: 'inherit' }); setInterval(() => {}, 1e6);`,
      ])
    : spawn(command[0]!, command.slice(1));
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => top.once('exit', (code) => resolve(code)));
  const ready = new Promise<Running['pids']>((resolve, reject) => {
    let grandchild = 0;
    let ready: Omit<Running['pids'], 'grandchild'> | null = null;
    createInterface({ input: top.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.startsWith('GRANDCHILD ')) grandchild = Number(line.slice(11));
      if (line.startsWith('READY ')) ready = JSON.parse(line.slice(6));
      if (ready && grandchild) resolve({ ...ready, grandchild });
    });
    createInterface({ input: top.stderr! }).on('line', (line) => output.push(line));
    void exited.then(() => reject(new Error(`the stand-in ended early:\n${output.join('\n')}`)));
  });
  const pids = await ready;
  const running = { top, pids, ports, output, exited };
  started.push(running);
  for (const port of ports) await until(`port ${port} listens`, () => listening(port));
  return running;
}

/** Waits for the command to end and checks that nothing it started is left. */
async function expectAllStopped(running: Running): Promise<void> {
  await until('the command has stopped', () => gone(running.pids.pid));
  for (const [name, pid] of Object.entries(running.pids)) await until(`${name} is gone`, () => gone(pid));
  for (const port of running.ports) expect([port, await listening(port)]).toEqual([port, false]);
}

describe('npm start supervision', { timeout: 60_000 }, () => {
  afterEach(() => {
    for (const running of started.splice(0)) {
      for (const pid of [running.top.pid, ...Object.values(running.pids)]) {
        if (pid && !gone(pid)) process.kill(pid, 'SIGKILL');
      }
    }
  });

  it('stops everything when a child process is killed, and says which', async () => {
    const running = await start();
    process.kill(running.pids.a, 'SIGKILL');
    expect(await running.exited).toBe(1);
    await expectAllStopped(running);
    expect(running.output.join('\n')).toMatch(
      new RegExp(
        `child A \\(pid ${running.pids.a}\\) was killed by SIGKILL: stopping child A, child B, the static server`,
      ),
    );
  });

  it('stops everything when the static server fails', async () => {
    const running = await start();
    process.kill(running.pids.pid, 'SIGUSR2');
    expect(await running.exited).toBe(1);
    await expectAllStopped(running);
    expect(running.output.join('\n')).toMatch(/the static server failed: the disk is gone/);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('stops everything on %s', async (signal) => {
    const running = await start();
    process.kill(running.pids.pid, signal);
    expect(await running.exited).toBe(0);
    await expectAllStopped(running);
    expect(running.output.join('\n')).toMatch(new RegExp(`got ${signal}: stopping`));
  });

  it('stops everything when its own parent dies', async () => {
    const running = await start(true);
    running.top.kill('SIGKILL');
    await expectAllStopped(running);
  });
});
