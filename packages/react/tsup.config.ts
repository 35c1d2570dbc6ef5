import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.shared';

// 'use client' must stay the first line of the built entry for React Server Components bundlers.
export default defineConfig(
  packageBuild({ index: 'src/index.ts' }, { external: ['react', '@sockdoc/browser', '@sockdoc/core', '@sockdoc/diagnose'], platform: 'browser', banner: { js: "'use client';" } }),
);
