import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@sockdoc/test-utils';

// The BUILT package, loaded by a separate Node process from ESM and from CommonJS. The process
// must exit on its own after the socket closes: no timer or listener may keep it alive.
const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');
let server: TestServer;
beforeAll(async () => {
  if (!existsSync(join(dist, 'index.cjs'))) throw new Error('packages/node/dist is missing: run the build first (pnpm build)');
  server = await startTestServer();
});
afterAll(() => server.close());

const body = `
const socket = createSocket(process.env.URL);
socket.on('open', () => socket.send('hi'));
socket.on('message', () => socket.close(1000, 'done'));
socket.on('close', (d, raw) => console.log(JSON.stringify({ code: raw.code, cause: d.cause.id })));
`;

// close() is final from wherever it is called: inside the close listener of a close that
// scheduled a reconnect, inside the reconnecting listener, right after reconnect(). Each
// reconnect would wait 59 s (random 0.99 of a 60 s backoff), so a timer left behind keeps the
// process alive past the test's 10 s.
const finalClose = `
const options = { reconnect: { initialDelayMs: 60000 }, random: () => 0.99 };
const stops = [];
const done = (name) => (s) => stops.push(name + ':' + s.reason);
const base = process.env.URL.replace(/\\/echo$/, '');
const a = createSocket(base + '/close/1011', options);
a.on('close', () => a.close());
a.on('stopped', done('in close listener'));
const b = createSocket(base + '/close/1011', options);
b.on('reconnecting', () => b.close());
b.on('stopped', done('in reconnecting listener'));
const c = createSocket(process.env.URL, options);
c.on('open', () => { c.reconnect(); c.close(); });
c.on('stopped', done('after reconnect()'));
process.on('exit', () => console.log(JSON.stringify(stops.sort())));
`;

function run(args: string[]): Promise<{ code: number | null; out: string; ms: number }> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, URL: server.url('/echo') }, cwd: dist });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, out, ms: Date.now() - start });
    });
  });
}

describe('built @sockdoc/node', () => {
  it('should work from CommonJS and let the process exit on its own', async () => {
    const r = await run(['-e', `const { createSocket } = require(${JSON.stringify(join(dist, 'index.cjs'))});${body}`]);
    expect(r.out.trim()).toBe('{"code":1000,"cause":"own_close_echo"}');
    expect(r.code).toBe(0);
  });

  it('should work from ESM and let the process exit on its own', async () => {
    const r = await run(['--input-type=module', '-e', `import { createSocket } from ${JSON.stringify(join(dist, 'index.js'))};${body}`]);
    expect(r.out.trim()).toBe('{"code":1000,"cause":"own_close_echo"}');
    expect(r.code).toBe(0);
  });

  it('should let the process exit on its own after close() from a close or reconnecting listener, or right after reconnect()', async () => {
    const r = await run(['--input-type=module', '-e', `import { createSocket } from ${JSON.stringify(join(dist, 'index.js'))};${finalClose}`]);
    expect(JSON.parse(r.out.trim())).toEqual(['after reconnect():closed_by_user', 'in close listener:closed_by_user', 'in reconnecting listener:closed_by_user']);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(10_000);
  });
});
