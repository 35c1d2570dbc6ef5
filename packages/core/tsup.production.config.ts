import { defineConfig } from 'tsup';
import { devFlag, packageBuild } from '../../scripts/tsup.shared';

// The production build: the same code with __SOCKDOC_DEV__ false, so every long error message
// is dead code and minifiers drop it. Types come from the development build.
export default defineConfig(
  packageBuild({ index: 'src/index.ts', adapter: 'src/adapter.ts' }, { external: ['@sockdoc/diagnose'], esbuildPlugins: [devFlag(false)], outDir: 'dist/prod', clean: false, dts: false }),
);
