import { defineConfig } from 'vitest/config';

// Tests run against source through the `@sockdoc/source` export condition: no build needed.
// The tree-shake and package tests import the built `dist/` on purpose.
export default defineConfig({
  resolve: { conditions: ['@sockdoc/source'] },
  ssr: { resolve: { conditions: ['@sockdoc/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'examples/*/test/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
