import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.shared';

const external = ['@sockdoc/diagnose', '@sockdoc/node', /^@sockdoc\/diagnose\//];
export default defineConfig([
  packageBuild({ index: 'src/index.ts' }, { external, platform: 'node' }),
  { ...packageBuild({ bin: 'src/bin.ts' }, { external, platform: 'node' }), format: ['esm'], dts: false, clean: false, banner: { js: '#!/usr/bin/env node' } },
]);
