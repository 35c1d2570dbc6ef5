import { defineConfig } from 'vite';

// The packaging check builds the page against the BUILT packages (no source condition), as an app would.
export default defineConfig({ root: import.meta.dirname, logLevel: 'warn', build: { emptyOutDir: true } });
