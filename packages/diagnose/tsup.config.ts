import { defineConfig } from 'tsup';
import { packageBuild } from '../../scripts/tsup.shared';
import { localeEntries } from '../../scripts/locales';

export default defineConfig(
  packageBuild({
    index: 'src/index.ts',
    codes: 'src/codes.ts',
    engine: 'src/engine.ts',
    ...localeEntries(),
    'packs/graphql-ws': 'src/packs/graphqlTransportWs.ts',
  }),
);
