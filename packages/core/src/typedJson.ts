import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { CodePack, ProtocolPack } from '@sockdoc/diagnose';
import { ContractError } from './errors/ContractError.js';
import { OptionError } from './errors/OptionError.js';
import { DEV } from './dev.js';
import type { JsonCodec, SchemaIssue } from './json.js';
import { toJson } from './toJson.js';

/** The schemas of `typedJson`: any Standard Schema (zod 4, valibot 1, arktype 2, ...). */
export interface JsonSchemas<Out, In> {
  /** What `sendJson` may send: checked before anything is queued or sent. */
  readonly send?: StandardSchemaV1<Out, unknown>;
  /** What incoming messages must be: checked once per message. */
  readonly receive?: StandardSchemaV1<unknown, In>;
}

/**
 * JSON checked against schemas, for the `json` option: `json()`'s rules, plus any Standard Schema
 * (zod 4, valibot 1, arktype 2) for what is sent and what is received, and the types they infer.
 * `sendJson` takes what the `send` schema accepts (its input type) and sends what it outputs; a
 * value it refuses is a `ContractError` SOCKDOC_SCHEMA_MISMATCH with each issue's path and the
 * library's message (never the value), and nothing is sent. An incoming message the `receive`
 * schema refuses comes with the `message` event as `{ ok: false, issues }` and the raw data.
 * Schemas are checked synchronously, so that messages never leave out of order: one that answers
 * with a promise (an async refinement) is refused with SOCKDOC_SCHEMA_ASYNC. Apps that do not
 * import it carry none of its code.
 *
 * Given a protocol pack with messages (`graphqlTransportWs`), it checks with the pack's schemas
 * (the client's messages out, the server's in), the client asks for the pack's subprotocol unless
 * `protocols` says otherwise, and its closes are explained with the pack's codes and with what
 * the schema checked: a 4400 after a message sent with `send()` names that message.
 *
 * @example
 * import * as z from 'zod';
 * import { createSocket, typedJson } from '@sockdoc/browser';
 * const Join = z.object({ type: z.literal('join'), room: z.string().min(1) });
 * const socket = createSocket(url, { json: typedJson({ send: Join }) });
 * socket.sendJson({ type: 'join', room: 'general' });
 */
export function typedJson<Out, In>(pack: ProtocolPack<Out, In>): JsonCodec<Out, In>;
export function typedJson<Out = unknown, In = unknown>(schemas: JsonSchemas<Out, In>): JsonCodec<Out, In>;
export function typedJson<Out, In>(arg: JsonSchemas<Out, In> | ProtocolPack<Out, In>): JsonCodec<Out, In> {
  const pack = arg && 'codes' in arg ? arg : undefined;
  if (pack && !pack.messages) throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `typedJson was given the pack "${String(pack.id)}", which knows no messages: pass { send, receive } schemas instead.` : '');
  const { send, receive } = pack ? { send: pack.messages.client, receive: pack.messages.server } : ((arg ?? {}) as JsonSchemas<Out, In>);
  // A setup error where the caller can catch it, not a TypeError at the first message.
  for (const [side, s] of [['send', send], ['receive', receive]] as const) {
    if (s !== undefined && typeof (s as Partial<StandardSchemaV1> | null)?.['~standard']?.validate !== 'function') {
      throw new OptionError('SOCKDOC_INVALID_OPTION', DEV ? `typedJson's ${side} must be a Standard Schema (zod 4, valibot 1, arktype 2: an object with ~standard.validate), got ${typeName(s)}.` : '');
    }
  }
  return {
    encode: (value) => toJson(send ? checked(send, value, 'send') : value),
    decode: (text) => {
      const value = JSON.parse(text) as unknown;
      return (receive ? checked(receive, value, 'receive') : value) as In;
    },
    record: () => {
      let sent = 0;
      let encoded = 0;
      // Incoming messages the receive schema refused: how many, where (at most 5 distinct paths), when the last came.
      let bad: { count: number; paths: string[]; lastAt: number } | undefined;
      return {
        sent: (viaJson) => {
          sent++;
          if (viaJson) encoded++;
        },
        received: (result) => {
          if (result.ok || !result.issues) return;
          bad ??= { count: 0, paths: [], lastAt: 0 };
          bad.count++;
          bad.lastAt = Date.now();
          for (const { path } of result.issues) if (bad.paths.length < 5 && !bad.paths.includes(path)) bad.paths.push(path);
        },
        context: () => ({
          ...(send ? { sendSchema: { checked: encoded, unchecked: sent - encoded } } : {}),
          ...(bad ? { invalidIncoming: { ...bad, paths: [...bad.paths] } } : {}),
        }),
      };
    },
    ...(pack ? { pack: pack as CodePack<unknown, unknown> } : {}),
  };
}

/** A message a `receive` schema refused: the `error` of its JsonResult, with the issues. */
class SchemaRejection extends Error {
  override name = 'SchemaRejection';
  constructor(readonly issues: readonly SchemaIssue[]) {
    super(DEV ? `The message does not match the receive schema: ${describe(issues)}` : '');
  }
}

/** `$.a[0].b` for a Standard Schema path. */
function pathOf(path: StandardSchemaV1.Issue['path']): string {
  let out = '$';
  for (const seg of path ?? []) {
    const key = typeof seg === 'object' && seg !== null ? seg.key : seg;
    out += typeof key === 'number' ? `[${key}]` : typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const describe = (issues: readonly SchemaIssue[]) => issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** The schema's output for `value`, or a typed refusal: issues (paths and messages, never the value), or a promise. */
function checked(schema: StandardSchemaV1, value: unknown, side: 'send' | 'receive'): unknown {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    result.catch(() => undefined); // nothing awaits it: never an unhandled rejection
    throw new ContractError('SOCKDOC_SCHEMA_ASYNC', 'schema', undefined, { type: typeName(value) }, DEV ? `The ${side} schema answered with a promise (an async refinement?): sockdoc checks messages synchronously, so that they never leave out of order. Use a schema without async checks. Nothing was sent.` : '');
  }
  if (!result.issues) return result.value;
  const issues = result.issues.map((i) => ({ path: pathOf(i.path), message: String(i.message) }));
  if (side === 'receive') throw new SchemaRejection(issues);
  throw new ContractError('SOCKDOC_SCHEMA_MISMATCH', 'schema', 1008, { type: typeName(value), issues }, DEV ? `The message does not match the send schema (${describe(issues)}); a server that checks its messages would close, often with 1008 or an application code such as 4400. Nothing was sent.` : '');
}
