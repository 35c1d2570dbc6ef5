import type { SocketOptions } from './types.js';

/** The `diagnose` function of `@sockdoc/diagnose`. */
export type DiagnoseFunction = NonNullable<SocketOptions['diagnose']>;

let ready: DiagnoseFunction | undefined;
let loading: Promise<DiagnoseFunction | undefined> | undefined;

/**
 * Starts loading `@sockdoc/diagnose` (once; again after a failure) and resolves with its
 * `diagnose`, or `undefined` when the module could not be loaded. Bundlers put the module in
 * a chunk of its own, so the catalogue and its text stay out of the initial bundle.
 */
export function loadDiagnose(): Promise<DiagnoseFunction | undefined> {
  if (ready) return Promise.resolve(ready);
  return (loading ??= import('@sockdoc/diagnose').then(
    (m) => (ready = m.diagnose),
    () => (loading = undefined),
  ));
}

/** `diagnose` if the module has loaded, else `undefined`. */
export const loadedDiagnose = (): DiagnoseFunction | undefined => ready;
