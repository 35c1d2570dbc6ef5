/**
 * The browser's languages in order of preference (`navigator.languages`, else
 * `navigator.language`), or none outside a browser. Passed to the client as its `locale`,
 * so the diagnosis module resolves them when it loads.
 */
export function preferredLanguages(): readonly string[] {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  return nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
}
