declare const __SOCKDOC_DEV__: boolean | undefined;

/**
 * Whether errors carry their long messages. True from source and in the development build;
 * the production build (export condition `production`, which Vite and webpack apply to
 * production builds) defines it false, so the messages are not in the bundle at all.
 * Production errors keep `code`, `rule`, `detail`, `predictedClose` and point to their docs entry.
 */
export const DEV: boolean = typeof __SOCKDOC_DEV__ === 'undefined' || __SOCKDOC_DEV__;
