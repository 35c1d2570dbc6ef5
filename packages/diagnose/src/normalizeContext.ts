import { sanitizeReason } from './sanitizeReason.js';
import type { DiagnoseContext, OutgoingFrame } from './types.js';

/** The most recent frames kept from a context: the client records 16. */
const MAX_FRAMES = 64;

type Check = (v: unknown) => unknown;
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool: Check = (v) => (typeof v === 'boolean' ? v : undefined);
const oneOf = (...values: string[]): Check => (v) => (values.includes(v as string) ? v : undefined);
/** Text a server or a file controls, made safe to show (control, bidi and invisible characters gone, length capped). */
const text: Check = (v) => (typeof v === 'string' ? sanitizeReason(v).text : undefined);
/** An object of checked fields; fields of the wrong type are left out. */
const shape = (fields: Record<string, Check>): Check => (v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k in fields) {
    const x = fields[k]!((v as Record<string, unknown>)[k]);
    if (x !== undefined) out[k] = x;
  }
  return out;
};
const frame = shape({ kind: oneOf('text', 'binary'), bytes: num, at: num, utf8Valid: bool });

const CONTEXT = shape({
  runtime: oneOf('browser', 'node', 'other'),
  opened: bool,
  timestamps: shape({ created: num, opened: num, lastMessageIn: num, lastMessageOut: num, closed: num }),
  recentOutgoing: (v) => (Array.isArray(v) ? v.slice(-MAX_FRAMES).map(frame).filter((f) => (f as Partial<OutgoingFrame> | undefined)?.kind && (f as OutgoingFrame).bytes !== undefined) : undefined),
  channel: oneOf('text', 'binary', 'mixed'),
  maxMessageBytes: num,
  handshakeStatus: num,
  retryAfter: text,
  transportError: shape({ code: text, message: text }),
  initiator: oneOf('client', 'server', 'unknown'),
  clientClose: shape({ code: num, reason: text }),
  online: bool,
  visibility: oneOf('visible', 'hidden'),
  wentOfflineAt: num,
  hiddenAt: num,
  pageHiddenByNavigation: bool,
  protocol: text,
  attempt: num,
  heartbeatTimeout: bool,
  connectTimeout: bool,
});

/**
 * What `diagnose()` reads from a context, whatever it was given (a recorded evidence file, a
 * hand-written object, garbage): each field of the wrong type is dropped, strings that a server
 * or a file controls are sanitized, and at most the last 64 frames are kept. Never throws.
 */
export function normalizeContext(input: unknown): DiagnoseContext {
  return (CONTEXT(input) ?? {}) as DiagnoseContext;
}
