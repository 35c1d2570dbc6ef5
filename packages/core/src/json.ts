import type { CodePack, DiagnoseContext } from '@sockdoc/diagnose';
import { toJson } from './toJson.js';

/**
 * How `sendJson` encodes and incoming text is decoded, for the `json` option. `Out` is what
 * `sendJson` takes, `In` what a decoded message holds (`unknown` unless a `typedJson` schema says).
 */
export interface JsonCodec<Out = unknown, In = unknown> {
  /** Encodes an outgoing value; throws a `ContractError` for what it refuses. */
  encode(value: Out): string;
  /** Decodes an incoming text message; throws for text that is not JSON (or not what a schema allows). */
  decode(text: string): In;
  /** Starts a record of one connection for its diagnosis (`typedJson`: what its schemas checked and refused). */
  record?(): CodecRecord;
  /** The protocol the codec speaks (`typedJson(pack)`): its subprotocol is asked for, its codes explained. */
  readonly pack?: CodePack<unknown, unknown>;
}

/** What a codec records of one connection, for the diagnosis of its close. Never payloads. */
export interface CodecRecord {
  /** A message went out; `encoded` when it came through `sendJson`. */
  sent(encoded: boolean): void;
  /** An incoming message was decoded. */
  received(result: JsonResult<unknown>): void;
  /** The fields it adds to the close's `DiagnoseContext`. */
  context(): Partial<DiagnoseContext>;
}

/** One problem a schema found: where (`$.user.id`) and the schema library's own message. Never the value. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * An incoming message decoded as JSON: the value, or why it is not one. `issues` is set when the
 * text was JSON but a `typedJson` receive schema refused it: such a message is never handed on as valid.
 */
export type JsonResult<In = unknown> = { readonly ok: true; readonly value: In } | { readonly ok: false; readonly error: unknown; readonly issues?: readonly SchemaIssue[] };

/**
 * JSON for the `json` option: `sendJson` refuses what JSON cannot represent faithfully (cycles,
 * `BigInt`, functions, `undefined` values, `NaN`/`Infinity`, `Map`/`Set` and other objects that
 * would serialize as `{}`, typed arrays) with `ContractError` SOCKDOC_JSON_UNREPRESENTABLE and the
 * path of the value, instead of sending something else; every incoming text message is parsed
 * once, and its result comes with the `message` event. Imported only by apps that use it. For
 * messages checked against schemas, and typed from them, use `typedJson`.
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
export function decodeWith<In>(codec: JsonCodec<unknown, In>, data: unknown): JsonResult<In> {
  if (typeof data !== 'string') return { ok: false, error: new TypeError('A binary message is not JSON text') };
  try {
    return { ok: true, value: codec.decode(data) };
  } catch (error) {
    // A schema's refusal carries its issues (typedJson's SchemaRejection, recognised by shape so that this module needs none of it).
    const issues = (error as { issues?: unknown } | null)?.issues;
    return Array.isArray(issues) ? { ok: false, error, issues } : { ok: false, error };
  }
}
