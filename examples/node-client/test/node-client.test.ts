import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (lang?: string) =>
  spawnSync(process.execPath, ['--conditions=@sockdoc/source', '--import', 'tsx', 'src/main.ts'], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...(lang ? { SOCKDOC_LANG: lang } : {}) } });

describe('examples/node-client', () => {
  it('should connect, recover from a restart, stop on the app code, and exit on its own', () => {
    const r = run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('recv   echo: hello');
    expect(r.stdout).toContain('close  1012 Service restart: The service is restarting.');
    expect(r.stdout).toContain("retry  attempt 1 in 300 ms (the advice is 5-30 s; this example's reconnect.delay overrides it)");
    expect(r.stdout).toContain('open   reconnected after the restart');
    expect(r.stdout).toContain('close  4001 The server ended the session');
    expect(r.stdout).toContain('stop   not_retryable');
  }, 40_000);

  it('should print diagnoses in Chinese with SOCKDOC_LANG=zh-CN', () => {
    const r = run('zh-CN');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1012 服务重启');
    expect(r.stdout).toContain('4001 服务器结束了会话');
  }, 40_000);
});
