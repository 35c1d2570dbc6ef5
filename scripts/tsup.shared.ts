import { readFile } from 'node:fs/promises';
import type { Options } from 'tsup';

/**
 * Puts `const DEV = true|false` in place of `import { DEV } from './dev.js'` in every module, so
 * that each chunk folds its own `DEV ? message : ''` (an imported flag is not folded across
 * chunks, and the long messages would stay in the production build).
 */
export function devFlag(value: boolean): NonNullable<Options['esbuildPlugins']>[number] {
  return {
    name: 'sockdoc-dev-flag',
    setup(build) {
      build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes("import { DEV } from './dev.js';")) return undefined;
        return { contents: text.replace("import { DEV } from './dev.js';", `const DEV = ${value};`), loader: 'ts' };
      });
    },
  };
}

/**
 * One build shape for every package: ESM + CJS, a .d.ts per format, UTF-8 output. No source maps:
 * they were 1.6 MB of the 3.0 MB a `@sockdoc/node` install put in node_modules, for code that is
 * readable as built (not minified); `src/` ships beside `dist/` for anyone who wants the sources.
 */
export function packageBuild(entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2022',
    treeshake: true,
    // Errors only: `npm test` shows what failed, not a list of every file written.
    silent: true,
    splitting: true,
    // Emit non-ASCII text (the Chinese locale) as UTF-8, not \u escapes: about 1.9 KB gzipped less for zh-CN.
    esbuildOptions(options) {
      options.charset = 'utf8';
    },
    ...extra,
  };
}
