import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export interface PythonServer {
  url(path: string): string;
  readonly maxSize: number;
  close(): Promise<void>;
}

/**
 * Starts Python `websockets` (Debian's python3-websockets, run with /usr/bin/python3) on
 * 127.0.0.1 port 0: a strict, independent peer. It echoes text, closes 1003 on binary, and
 * closes 1007 / 1009 on its own for invalid UTF-8 and messages over `max_size` (1024).
 */
export async function startPythonServer(): Promise<PythonServer> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'pyserver.py');
  const child: ChildProcess = spawn('/usr/bin/python3', [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`python server did not start: ${err}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`python server exited with ${code}: ${err}`));
    });
  });
  return {
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    maxSize: 1024,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
