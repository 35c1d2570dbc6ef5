import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.shared';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    codes: 'src/codes.ts',
    engine: 'src/engine.ts',
    'locales/en': 'src/locales/en.ts',
    'locales/zh-CN': 'src/locales/zh-CN.ts',
    'packs/graphql-ws': 'src/packs/graphqlTransportWs.ts',
  }),
);
