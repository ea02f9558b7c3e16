/**
 * A stand-in for `npm start` in the supervisor's test: supervises two real child processes (one
 * with a child of its own) and a static server, each listening on a port the test gives, and
 * prints one `READY` line with their process ids. SIGUSR2 makes the static server fail.
 *
 *   node --import tsx scripts/src/lib/supervisor-fixture.ts <portA> <portB> <portGrandchild> <portServer>
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveStatic } from './static-server.ts';
import { supervise } from './supervisor.ts';

const [portA, portB, portGrandchild, portServer] = process.argv.slice(2).map(Number);
const listen = (port: number | undefined) =>
  `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1');`;

const supervisor = supervise({ graceMs: 2000, parentCheckMs: 200 });
const a = supervisor.spawn('child A', process.execPath, ['-e', listen(portA)]);
const b = supervisor.spawn('child B', process.execPath, [
  '-e',
  `const { spawn } = require('node:child_process');
   const g = spawn(process.execPath, ['-e', ${JSON.stringify(listen(portGrandchild))}], { stdio: 'inherit' });
   console.log('GRANDCHILD ' + g.pid);
   ${listen(portB)}`,
]);
const server = await serveStatic(mkdtempSync(path.join(tmpdir(), 'govcluster-supervised-')), {
  port: portServer,
});
supervisor.watchServer('the static server', server.server);
process.on('SIGUSR2', () => server.server.emit('error', new Error('the disk is gone')));
console.log(`READY ${JSON.stringify({ pid: process.pid, a: a.pid, b: b.pid })}`);
