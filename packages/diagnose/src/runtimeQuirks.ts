import type { Runtime } from './types.js';

/**
 * A close report a runtime is known to get wrong: the code it reports, and the code it stands for
 * when that is certain. `source` says how it is known: recorded by sockdoc's runtime tests
 * (`scripts/runtimes.test.ts`, scenario ids), or cited from a public report.
 */
export interface RuntimeQuirk {
  readonly runtime: Runtime;
  /** The code the runtime reports. */
  readonly reported: number;
  /** Only when the runtime says the close was not clean. */
  readonly notClean?: boolean;
  /** The code the standard would report in its place, when certain; else the real code is unknown. */
  readonly means?: number;
  readonly source: { readonly recorded: readonly string[]; readonly versions: readonly string[] } | { readonly cited: string };
}

/**
 * What sockdoc knows runtimes misreport. A diagnosis of such a close says so, reads the code the
 * standard would have reported where that is certain, and otherwise lowers its confidence and
 * gives no retry advice on the strength of a code the runtime may have invented.
 */
export const RUNTIME_QUIRKS: readonly RuntimeQuirk[] = [
  // WHATWG: a connection closed without a Close frame reports 1006. Deno reports 0 (recorded for a
  // refused handshake, a refused TCP connection, a dropped TCP connection and a connect timeout).
  { runtime: 'deno', reported: 0, notClean: true, means: 1006, source: { recorded: ['handshake_401', 'tcp_drop', 'never_answered', 'refused'], versions: ['2.9.6'] } },
  // React Native on iOS reports a server's close(4000) as 1001 (facebook/react-native #31326, #28412).
  { runtime: 'react-native', reported: 1001, source: { cited: 'https://github.com/facebook/react-native/issues/31326' } },
];

/** The quirk that explains this close in this runtime, if one does. */
export function findQuirk(code: number, wasClean: boolean | undefined, runtime: Runtime | undefined): RuntimeQuirk | undefined {
  return runtime ? RUNTIME_QUIRKS.find((q) => q.runtime === runtime && q.reported === code && (!q.notClean || wasClean === false)) : undefined;
}
