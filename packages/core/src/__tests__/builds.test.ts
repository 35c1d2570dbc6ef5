import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The development and production builds of @sockdoc/core, as published (npm test builds first).
const pkg = join(dirname(fileURLToPath(import.meta.url)), '../..');
type Core = typeof import('../index.js');
const load = (file: string): Promise<Core> => import(join(pkg, 'dist', file));
class Idle {}

function refusal(core: Core) {
  const socket = core.createSocket('ws://127.0.0.1:1/', { WebSocket: Idle as never, autoConnect: false, channel: 'text' });
  try {
    socket.send(new Uint8Array(2));
  } catch (err) {
    return err as InstanceType<Core['ContractError']>;
  }
  throw new Error('not refused');
}

describe('development and production builds', () => {
  it('should give the same typed error in both, with the long message only in development', async () => {
    const [dev, prod] = await Promise.all([load('index.js'), load('prod/index.js')]);
    for (const core of [dev, prod]) {
      const err = refusal(core);
      expect(err).toBeInstanceOf(core.ContractError);
      expect(err).toMatchObject({ code: 'SOCKDOC_BINARY_ON_TEXT_CHANNEL', rule: 'channel', predictedClose: 1003, detail: { type: 'Uint8Array', bytes: 2 } });
    }
    expect(refusal(dev).message).toMatch(/Cannot send binary data on a text channel \(got Uint8Array, 2 bytes\); a text-only server would close with 1003/);
    expect(refusal(prod).message).toBe('SOCKDOC_BINARY_ON_TEXT_CHANNEL: see docs/error-codes.md#sockdoc_binary_on_text_channel in the sockdoc repository');
    expect(() => prod.createSocket('ws://127.0.0.1:1/', { WebSocket: Idle as never, channel: 'x' as never })).toThrow(expect.objectContaining({ code: 'SOCKDOC_INVALID_OPTION' }));
  });

  it('should leave every long message out of the production files', () => {
    // Every file of each build: the entries and the chunks they share.
    const files = (dir: string) => readdirSync(join(pkg, dir)).filter((f) => /\.c?js$/.test(f)).map((f) => readFileSync(join(pkg, dir, f), 'utf8'));
    const prod = files('dist/prod');
    expect(prod.length).toBeGreaterThanOrEqual(2);
    for (const text of prod) {
      for (const phrase of ['would close with 1003', 'exceeds maxMessageBytes', 'Cannot send while the connection is', 'Close reason must be', 'is not a valid token', 'No WebSocket in this environment']) expect(text).not.toContain(phrase);
    }
    expect(files('dist').join('\n')).toContain('exceeds maxMessageBytes');
  });

  it('should resolve the production build under the production export condition, in ESM and CommonJS', () => {
    const code = (load: string) => `${load}; const s = m.createSocket('ws://127.0.0.1:1/', { WebSocket: class {}, autoConnect: false }); try { s.send(new Uint8Array(1)); } catch (e) { console.log(e.message.split(':')[0] + '|' + e.message.length); }`;
    const run = (conditions: string[], src: string, type: string) =>
      spawnSync(process.execPath, [...conditions, `--input-type=${type}`, '-e', src], { cwd: join(pkg, '../browser'), encoding: 'utf8' }).stdout.trim();
    const esm = code("const m = await import('@sockdoc/core')");
    const cjs = code("const m = require('@sockdoc/core')");
    expect(run(['--conditions=production'], esm, 'module')).toBe(`SOCKDOC_BINARY_ON_TEXT_CHANNEL|${'SOCKDOC_BINARY_ON_TEXT_CHANNEL: see docs/error-codes.md#sockdoc_binary_on_text_channel in the sockdoc repository'.length}`);
    expect(run(['--conditions=production'], cjs, 'commonjs')).toMatch(/^SOCKDOC_BINARY_ON_TEXT_CHANNEL\|/);
    expect(run([], esm, 'module')).toMatch(/^Cannot send binary data on a text channel \(got Uint8Array, 1 bytes\); a text-only server would close with 1003/);
  });
});

describe('typed messages cost nothing when unused', () => {
  // An app's production bundle of the built package, as a bundler makes it (tree-shaken, minified).
  async function bundle(code: string): Promise<string> {
    const { build } = await import('esbuild');
    const out = await build({ stdin: { contents: code, resolveDir: pkg }, bundle: true, write: false, minify: true, format: 'esm', platform: 'browser', alias: { '@sockdoc/core': join(pkg, 'dist/prod/index.js') }, external: ['@sockdoc/diagnose', '@sockdoc/diagnose/*', 'eventemitter3'], logLevel: 'silent' });
    return out.outputFiles.map((f) => f.text).join('\n');
  }

  it('should bundle no schema code for a client with json() or without json, and the checks with typedJson()', async () => {
    const plain = await bundle("import { createSocket, json } from '@sockdoc/core'; export const s = createSocket('wss://x', { WebSocket, json: json() });");
    const none = await bundle("import { createSocket } from '@sockdoc/core'; export const s = createSocket('wss://x', { WebSocket });");
    const typed = await bundle("import { createSocket, typedJson } from '@sockdoc/core'; export const s = (schema) => createSocket('wss://x', { WebSocket, json: typedJson({ send: schema }) });");
    for (const js of [plain, none]) {
      expect(js).not.toContain('~standard');
      expect(js).not.toContain('SOCKDOC_SCHEMA_MISMATCH');
    }
    expect(typed).toContain('~standard');
    expect(typed).toContain('SOCKDOC_SCHEMA_MISMATCH');
    expect(typed.length - plain.length).toBeGreaterThan(200);
  });

  it('should bundle no handle code (fates, cancel, expiry) for a client without handles() or requester()', async () => {
    const none = await bundle("import { createSocket } from '@sockdoc/core'; export const s = createSocket('wss://x', { WebSocket });");
    const tracked = await bundle("import { createSocket, handles } from '@sockdoc/core'; export const h = handles(createSocket('wss://x', { WebSocket }));");
    // The handle's own words: its fates and its abort listener.
    for (const word of ['cancelled', "addEventListener(\"abort\""]) {
      expect(none).not.toContain(word);
      expect(tracked).toContain(word);
    }
  });
});
