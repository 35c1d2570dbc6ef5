import type { CodeDefinition, CodePack } from './CodePack.js';

const registered = new Map<string, CodePack>();

/**
 * Checks and returns a pack of application codes. Throws a `TypeError` naming the code
 * when a code is outside 3000-4999 (codes below are the protocol's, above are invalid).
 *
 * @example
 * const myApp = defineCodes({
 *   id: 'my-app', name: 'My app',
 *   codes: { 4001: { name: 'Session expired', retry: { retryable: true, strategy: 'after_reauth' },
 *     text: { en: { title: 'Session expired', description: 'Log in again.' } } } },
 * });
 */
export function defineCodes(pack: CodePack): CodePack {
  for (const key of Object.keys(pack.codes)) {
    const code = Number(key);
    if (!Number.isInteger(code) || code < 3000 || code > 4999) {
      throw new TypeError(`Application close codes must be integers in 3000-4999 (pack "${pack.id}" defines ${key})`);
    }
    if (!pack.codes[code]?.text['en'] && Object.keys(pack.codes[code]?.text ?? {}).length === 0) {
      throw new TypeError(`Close code ${code} in pack "${pack.id}" needs text in at least one language`);
    }
  }
  return pack;
}

/**
 * Registers a pack for every later `explain()` and `diagnose()` in this process.
 * Returns a function that removes it again.
 *
 * @example
 * import { registerCodes } from '@sockdoc/diagnose';
 * import { graphqlTransportWs } from '@sockdoc/diagnose/packs/graphql-ws';
 * const unregister = registerCodes(graphqlTransportWs);
 */
export function registerCodes(pack: CodePack): () => void {
  registered.set(pack.id, defineCodes(pack));
  return () => {
    if (registered.get(pack.id) === pack) registered.delete(pack.id);
  };
}

/** The pack and definition that describe `code`, preferring explicit packs over registered ones. */
export function findCode(
  code: number,
  protocol: string | undefined,
  explicit: readonly CodePack[] = [],
): { pack: CodePack; def: CodeDefinition } | undefined {
  for (const pack of explicit.length ? [...explicit, ...registered.values()] : registered.values()) {
    if (pack.subprotocol && protocol && pack.subprotocol !== protocol) continue;
    const def = pack.codes[code];
    if (def) return { pack, def };
  }
  return undefined;
}
