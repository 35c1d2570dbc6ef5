import { toJson } from './toJson.js';

/** How `sendJson` encodes and incoming text is decoded, for the `json` option. */
export interface JsonCodec {
  /** Encodes an outgoing value; throws a `ContractError` for what it refuses. */
  encode(value: unknown): string;
  /** Decodes an incoming text message; throws for text that is not JSON. */
  decode(text: string): unknown;
}

/** An incoming message decoded as JSON: the value, or why it is not JSON. */
export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * JSON for the `json` option: `sendJson` refuses what JSON cannot represent faithfully (cycles,
 * `BigInt`, functions, `undefined` values, `NaN`/`Infinity`, `Map`/`Set` and other objects that
 * would serialize as `{}`, typed arrays) with `ContractError` SOCKDOC_JSON_UNREPRESENTABLE and the
 * path of the value, instead of sending something else; every incoming text message is parsed
 * once, and its result comes with the `message` event. Imported only by apps that use it.
 *
 * @example
 * import { createSocket, json } from '@sockdoc/browser';
 * const socket = createSocket(url, { json: json() });
 * socket.on('message', (data, decoded) => decoded?.ok && render(decoded.value));
 * socket.sendJson({ type: 'join', room: 'general' });
 */
export function json(): JsonCodec {
  return CODEC;
}

const CODEC: JsonCodec = { encode: toJson, decode: (text) => JSON.parse(text) as unknown };

/** Decodes one incoming message with `codec`: binary data is not JSON text. Never throws. */
export function decodeWith(codec: JsonCodec, data: unknown): JsonResult {
  if (typeof data !== 'string') return { ok: false, error: new TypeError('A binary message is not JSON text') };
  try {
    return { ok: true, value: codec.decode(data) };
  } catch (error) {
    return { ok: false, error };
  }
}
