import type { Options } from 'tsup';

/** One build shape for every package: ESM + CJS, a .d.ts per format, sourcemaps. */
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
    ...extra,
  };
}
