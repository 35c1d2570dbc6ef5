import type * as Engine from '@sockdoc/diagnose/engine';

/** The evidence rules of `@sockdoc/diagnose`, without any locale (`@sockdoc/diagnose/engine`). */
export type DiagnosisEngine = typeof Engine;

let ready: DiagnosisEngine | undefined;
let loading: Promise<DiagnosisEngine | undefined> | undefined;

/**
 * Starts loading the diagnosis engine (once; again after a failure) and resolves with it, or
 * `undefined` when it could not be loaded. Bundlers put it in a chunk of its own, and each
 * locale in another, so the rules and their text stay out of the initial bundle.
 */
export function loadEngine(): Promise<DiagnosisEngine | undefined> {
  if (ready) return Promise.resolve(ready);
  return (loading ??= import('@sockdoc/diagnose/engine').then(
    (m) => (ready = m),
    () => (loading = undefined),
  ));
}

/** The engine if it has loaded, else `undefined`. */
export const loadedEngine = (): DiagnosisEngine | undefined => ready;
