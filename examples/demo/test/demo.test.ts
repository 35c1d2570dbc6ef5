import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Smoke test of the README's first command (what `npm run demo` runs after installing).
const dir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the demo', () => {
  it('should walk through refusals and diagnosed closes in both languages, end by itself in under a minute, and exit 0', () => {
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--conditions=@sockdoc/source', '--import', 'tsx', 'src/main.ts'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    for (const s of ['SOCKDOC_BINARY_ON_TEXT_CHANNEL', 'SOCKDOC_LONE_SURROGATE', 'SOCKDOC_INVALID_UTF8', 'SOCKDOC_MESSAGE_TOO_BIG', '1003 Unsupported data', '1003 不支持的数据类型', '1007 无效的帧载荷数据', '1009 Message too big', 'HTTP 401', '1012 服务重启', 'stop: not_retryable', 'stop: auth_failed', 'reconnect #1', 'reconnect #1 connected']) {
      expect(r.stdout).toContain(s);
    }
  }, 70_000);
});
