import { defineConfig } from 'tsup';
import { devFlag, packageBuild } from '../../scripts/tsup.shared';

// The development build (dist/): errors carry their long messages. The production build
// (dist/prod/, tsup.production.config.ts) leaves them out; package.json's `production` export
// condition selects it.
export default defineConfig(packageBuild({ index: 'src/index.ts', adapter: 'src/adapter.ts' }, { external: ['@sockdoc/diagnose'], esbuildPlugins: [devFlag(true)] }));
