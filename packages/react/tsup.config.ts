import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.shared';

// 'use client' must stay the first line of the built entry for React Server Components bundlers.
// Rollup's tree-shaking pass (tsup's treeshake) drops module-level directives and the banner
// with them, so this package is tree-shaken by esbuild alone (its code is small and all used).
export default defineConfig(
  packageBuild({ index: 'src/index.ts' }, { external: ['react', '@sockdoc/browser', '@sockdoc/core', '@sockdoc/diagnose'], platform: 'browser', treeshake: false, banner: { js: "'use client';" } }),
);
