import { defaultClientConditions, defineConfig } from 'vite';

// Resolves the workspace packages to their TypeScript sources (no build step), and compiles
// JSX with esbuild's automatic runtime (no React plugin needed).
export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['@sockdoc/source', ...defaultClientConditions] },
  esbuild: { jsx: 'automatic' },
  logLevel: 'warn',
});
