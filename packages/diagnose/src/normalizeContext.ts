import { sanitizeReason } from './sanitizeReason.js';
import type { DiagnoseContext } from './types.js';

/** The most recent frames kept from a context: the client records 16. */
export const MAX_FRAMES = 64;

/**
 * What a field of a context must be: a finite number, a boolean, a string (sanitized: a server
 * or a file controls it), one of some strings, an object of such fields, or a list of frames.
 */
export type Field = 'number' | 'boolean' | 'text' | 'texts' | readonly string[] | { readonly [key: string]: Field } | 'frames';

/** Every field `diagnose()` reads from a context. */
export const CONTEXT: { readonly [key: string]: Field } = {
  runtime: ['browser', 'node', 'deno', 'bun', 'workerd', 'react-native', 'other'],
  runtimeVersion: 'text',
  webSocket: ['ws', 'undici'],
  closeNotReported: 'boolean',
  opened: 'boolean',
  timestamps: { created: 'number', opened: 'number', lastMessageIn: 'number', lastMessageOut: 'number', closed: 'number' },
  recentOutgoing: 'frames',
  channel: ['text', 'binary', 'mixed'],
  maxMessageBytes: 'number',
  handshakeStatus: 'number',
  retryAfter: 'text',
  transportError: { code: 'text', message: 'text' },
  initiator: ['client', 'server', 'unknown'],
  clientClose: { code: 'number', reason: 'text' },
  online: 'boolean',
  visibility: ['visible', 'hidden'],
  wentOfflineAt: 'number',
  hiddenAt: 'number',
  pageHiddenByNavigation: 'boolean',
  protocol: 'text',
  attempt: 'number',
  heartbeatTimeout: 'boolean',
  connectTimeout: 'boolean',
  statusProbe: { status: 'number', redirected: 'boolean', unknown: ['cross_origin', 'cors', 'unreachable', 'timeout', 'offline', 'off'], earlier: 'boolean' },
  protocolsRequested: 'boolean',
  credentialsExpireAt: 'number',
  invalidIncoming: { count: 'number', paths: 'texts', lastAt: 'number' },
  sendSchema: { checked: 'number', unchecked: 'number' },
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A frame without its kind or size says nothing: such frames are left out. */
export const FRAME: Field = { kind: ['text', 'binary'], bytes: 'number', at: 'number', utf8Valid: 'boolean' };
export const isFrame = (f: unknown): boolean => isObject(f) && f.kind !== undefined && f.bytes !== undefined;

/** What a context keeps of `v` as `field`; undefined when nothing. */
function read(field: Field, v: unknown): unknown {
  if (field === 'number') return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  if (field === 'boolean') return typeof v === 'boolean' ? v : undefined;
  if (field === 'text') return typeof v === 'string' ? sanitizeReason(v).text : undefined;
  // At most 5 strings, each sanitized (paths a server's message shaped).
  if (field === 'texts') return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 5).map((x) => sanitizeReason(x).text) : undefined;
  if (field === 'frames') return Array.isArray(v) ? v.slice(-MAX_FRAMES).map((f) => read(FRAME, f)).filter(isFrame) : undefined;
  if (Array.isArray(field)) return field.includes(v as string) ? v : undefined;
  if (!isObject(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k in field as Record<string, Field>) {
    const x = read((field as Record<string, Field>)[k]!, v[k]);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

/**
 * What `diagnose()` reads from a context, whatever it was given (a recorded evidence file, a
 * hand-written object, garbage): each field of the wrong type is dropped, strings that a server
 * or a file controls are sanitized, and at most the last 64 frames are kept. Never throws.
 */
export function normalizeContext(input: unknown): DiagnoseContext {
  return (read(CONTEXT, input) ?? {}) as DiagnoseContext;
}
