import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['@sockdoc/source', ...defaultClientConditions] },
  logLevel: 'warn',
});
