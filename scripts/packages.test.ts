import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every published package's BUILT entries, loaded by plain Node 20 with import and with require.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KEYS: Record<string, string[]> = {
  'core/adapter': ['webSocketTransport'],
  diagnose: ['explain', 'diagnose', 'compare', 'registerLocale'],
  core: ['createSocket', 'SocketClient', 'ContractError', 'ERROR_CODES'],
  browser: ['createSocket', 'heartbeat', 'isSockdocError'],
  node: ['createSocket', 'heartbeat', 'ContractError'],
  react: ['useSocket', 'DiagnosisBanner'],
  cli: ['run', 'probe', 'USAGE'],
};

describe('built packages from ESM and CommonJS', () => {
  it.each(Object.entries(KEYS))('should load @sockdoc/%s with import and require', (pkg, keys) => {
    const [name, entry = 'index'] = pkg.split('/');
    const dir = join(root, 'packages', name!);
    const esm = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(join(dir, `dist/${entry}.js`))}); console.log(JSON.stringify(Object.keys(m)))`], { encoding: 'utf8', cwd: dir });
    const cjs = spawnSync(process.execPath, ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(join(dir, `dist/${entry}.cjs`))}))))`], { encoding: 'utf8', cwd: dir });
    expect(esm.status, esm.stderr).toBe(0);
    expect(cjs.status, cjs.stderr).toBe(0);
    for (const k of keys) {
      expect(JSON.parse(esm.stdout), `${pkg} ESM`).toContain(k);
      expect(JSON.parse(cjs.stdout), `${pkg} CJS`).toContain(k);
    }
  });
});
