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

/** One build shape for every package: ESM + CJS, a .d.ts per format, sourcemaps, UTF-8 output. */
export function packageBuild(entry: Record<string, string>, extra: Partial<Options> = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
    splitting: true,
    // Emit non-ASCII text (the Chinese locale) as UTF-8, not \u escapes: about 1.9 KB gzipped less for zh-CN.
    esbuildOptions(options) {
      options.charset = 'utf8';
    },
    ...extra,
  };
}
