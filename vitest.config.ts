import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests run against source through the `@sockdoc/source` export condition: no build needed.
// The tree-shake, package and real-browser tests import the built `dist/` on purpose.
const react18 = (name: string) => dirname(createRequire(import.meta.url).resolve(`./packages/react18-testbed/node_modules/${name}/package.json`));

export default defineConfig({
  resolve: { conditions: ['@sockdoc/source'] },
  ssr: { resolve: { conditions: ['@sockdoc/source'] } },
  test: {
    restoreMocks: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'all',
          include: ['packages/*/src/**/*.test.{ts,tsx}', 'examples/*/test/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The React adapter's tests again, on React 18 (the peer range is ^18.2 || ^19).
        extends: true,
        resolve: {
          alias: [
            { find: /^react$/, replacement: react18('react') },
            { find: /^react\/(.*)$/, replacement: `${react18('react')}/$1` },
            { find: /^react-dom$/, replacement: react18('react-dom') },
            { find: /^react-dom\/(.*)$/, replacement: `${react18('react-dom')}/$1` },
          ],
        },
        test: {
          name: 'react18',
          include: ['packages/react/src/**/*.test.tsx'],
          environment: 'node',
          server: { deps: { inline: [/packages\/react/] } },
        },
      },
    ],
  },
});
