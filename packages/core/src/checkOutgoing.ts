import { ContractError, type ContractDetail } from './errors/ContractError.js';
import { findLoneSurrogate, firstInvalidUtf8, isUtf8, utf8ByteLength } from './validation.js';
import type { Channel } from './types.js';
import type { Utf8 } from './Transport.js';
import type { DeliveryHook } from './DeliveryHook.js';
import { DEV } from './dev.js';

/** A message that passed the contract, ready for the socket. */
export interface CheckedMessage {
  /** What goes to the socket (for strings the runtime encodes, the encoded bytes). */
  readonly data: string | ArrayBuffer | ArrayBufferView | Blob;
  /** What the caller passed, when `data` is an encoding, a view or a copy of it (handed back as it was). */
  readonly original?: string | ArrayBuffer | ArrayBufferView | Blob;
  readonly kind: 'text' | 'binary';
  readonly bytes: number;
  /** Set for bytes that must go out as a text frame (`sendText`). */
  readonly asText?: true;
  /** Set for what came through `sendJson` (with `typedJson`, what the send schema checked): evidence. */
  encoded?: true;
  /** Set for a message sent through `handles()` or `requester()`: told each change of its fate. */
  hook?: DeliveryHook;
}

const toString = Object.prototype.toString;

/** The value's type as a person would name it: `string`, `ArrayBuffer`, `Uint8Array`, `Blob`, `null`, ... */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  const t = typeof v;
  if (t !== 'object' && t !== 'function') return t;
  try {
    const tag = toString.call(v).slice(8, -1);
    return tag === 'Object' ? ((v as object).constructor?.name ?? 'Object') : tag;
  } catch {
    return t; // a Proxy whose traps throw
  }
}

/** Runs a check; anything but a ContractError thrown while looking at the value (a Proxy's trap, a getter) refuses it as unsendable. */
function inspecting(data: unknown, check: () => CheckedMessage): CheckedMessage {
  try {
    return check();
  } catch (err) {
    if (err instanceof ContractError) throw err;
    return unsendable(data, DEV ? `looking at it threw ${err instanceof Error ? err.message : String(err)}` : undefined, err);
  }
}

// Brand checks that no look-alike passes: the intrinsic getters throw for anything that is not
// really an ArrayBuffer (or Blob), whatever its shape or Symbol.toStringTag, and accept the real
// thing from any realm (node:vm, an iframe, a worker).
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;
const blobSize = typeof Blob === 'function' ? Object.getOwnPropertyDescriptor(Blob.prototype, 'size')?.get : undefined;

function branded(getter: (() => unknown) | undefined, v: unknown): boolean {
  if (!getter || typeof v !== 'object' || v === null) return false;
  try {
    getter.call(v);
    return true;
  } catch {
    return false;
  }
}

export function isArrayBuffer(v: unknown): v is ArrayBuffer {
  return v instanceof ArrayBuffer || branded(arrayBufferByteLength, v);
}

function isBlob(v: unknown): v is Blob {
  return (typeof Blob === 'function' && v instanceof Blob) || branded(blobSize, v);
}

/** A detached buffer (transferred to a worker, or resized away) reports 0 bytes and cannot be viewed. */
function isDetached(buf: ArrayBuffer): boolean {
  const flag = (buf as { detached?: boolean }).detached;
  if (typeof flag === 'boolean') return flag;
  try {
    new Uint8Array(buf);
    return false;
  } catch {
    return true;
  }
}

function refuse(code: ContractError['code'], rule: ContractError['rule'], close: ContractError['predictedClose'], detail: ContractDetail, message: string, cause?: unknown): never {
  throw new ContractError(code, rule, close, detail, message, cause === undefined ? undefined : { cause });
}

const sizeOf = (bytes: number, type: string) => (DEV ? `(got ${type}, ${bytes} bytes)` : '');

function tooBig(type: string, bytes: number, limit: number): never {
  refuse('SOCKDOC_MESSAGE_TOO_BIG', 'size', 1009, { type, bytes, limit }, DEV ? `Message of ${bytes} bytes exceeds maxMessageBytes = ${limit} ${sizeOf(bytes, type)}; the server would close with 1009. Split it, or send large data over HTTP.` : '');
}

/**
 * Checks a string for the contract: right channel, well-formed UTF-16, within the size limit.
 * Counts UTF-8 bytes only when the size limit cannot be decided from the length alone.
 */
export function checkString(s: string, channel: Channel, max: number | undefined, utf8?: Utf8, encode?: boolean): CheckedMessage {
  const byteLength = utf8 ? utf8.byteLength : utf8ByteLength;
  if (channel === 'binary') {
    const bytes = byteLength(s);
    refuse('SOCKDOC_TEXT_ON_BINARY_CHANNEL', 'channel', 1003, { type: 'string', bytes }, DEV ? `Cannot send a string on a binary channel ${sizeOf(bytes, 'string')}; a binary-only server would close with 1003. Send an ArrayBuffer or typed array, or declare channel: 'text' or 'mixed'.` : '');
  }
  const lone = findLoneSurrogate(s);
  if (lone !== -1) {
    refuse('SOCKDOC_LONE_SURROGATE', 'utf16', 1007, { type: 'string', index: lone }, DEV ? `Cannot send a string with a lone surrogate (U+${s.charCodeAt(lone).toString(16).toUpperCase()} at index ${lone}); it is not valid UTF-16, the runtime would silently replace it with U+FFFD, and a strict peer may close with 1007. Fix how the string was built (e.g. slicing between the two halves of an emoji).` : '');
  }
  if (encode && utf8) {
    // The runtime would encode the string anyway: do it once here, and the exact size is free.
    const bytes = utf8.encode(s);
    if (max !== undefined && bytes.byteLength > max) tooBig('string', bytes.byteLength, max);
    return { data: bytes, original: s, kind: 'text', bytes: bytes.byteLength, asText: true };
  }
  const bytes = byteLength(s);
  if (max !== undefined && bytes > max) tooBig('string', bytes, max);
  return { data: s, kind: 'text', bytes };
}

/** Checks bytes (`ArrayBuffer`, any `ArrayBufferView`, `Blob`) for a binary frame. */
function checkBinary(data: unknown, channel: Channel, max: number | undefined): CheckedMessage {
  let bytes: number;
  if (ArrayBuffer.isView(data)) {
    if (data.byteLength === 0 && isDetached(data.buffer as ArrayBuffer)) detached(typeName(data));
    if (typeof SharedArrayBuffer !== 'undefined' && data.buffer instanceof SharedArrayBuffer) unsendable(data, DEV ? 'a view on a SharedArrayBuffer, which browsers refuse to send; copy it into an ArrayBuffer first' : undefined);
    bytes = data.byteLength;
  } else if (isArrayBuffer(data)) {
    if (data.byteLength === 0 && isDetached(data)) detached(typeName(data));
    bytes = data.byteLength;
    // An ArrayBuffer of another realm: `ws` would take it for a private copy and mask it in
    // place, corrupting the caller's bytes. A view of this realm over it is sent (and copied) as a view.
    if (!(data instanceof ArrayBuffer)) return { data: new Uint8Array(data), original: data, kind: 'binary', bytes: checkSize(data, bytes, channel, max) };
  } else if (isBlob(data)) {
    bytes = data.size;
  } else return unsendable(data);
  return { data: data as ArrayBuffer | ArrayBufferView | Blob, kind: 'binary', bytes: checkSize(data, bytes, channel, max) };
}

/** The channel and size rules for binary data of `bytes` bytes; returns `bytes`. */
function checkSize(data: unknown, bytes: number, channel: Channel, max: number | undefined): number {
  if (channel === 'text') {
    const type = typeName(data);
    refuse('SOCKDOC_BINARY_ON_TEXT_CHANNEL', 'channel', 1003, { type, bytes }, DEV ? `Cannot send binary data on a text channel ${sizeOf(bytes, type)}; a text-only server would close with 1003. Send a string (e.g. JSON.stringify), use sendText() for UTF-8 bytes, or declare channel: 'binary' or 'mixed' if the server accepts binary data.` : '');
  }
  if (max !== undefined && bytes > max) tooBig(typeName(data), bytes, max);
  return bytes;
}

/** Checks UTF-8 bytes meant to go out as a text frame. */
export function checkTextBytes(data: unknown, channel: Channel, max: number | undefined, validUtf8: (b: Uint8Array) => boolean = isUtf8): CheckedMessage {
  return inspecting(data, () => textBytes(data, channel, max, validUtf8));
}

function textBytes(data: unknown, channel: Channel, max: number | undefined, validUtf8: (b: Uint8Array) => boolean): CheckedMessage {
  let view: Uint8Array;
  if (ArrayBuffer.isView(data)) {
    if (data.byteLength === 0 && isDetached(data.buffer as ArrayBuffer)) detached(typeName(data));
    view = data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } else if (isArrayBuffer(data)) {
    if (data.byteLength === 0 && isDetached(data)) detached(typeName(data));
    view = new Uint8Array(data);
  } else return unsendable(data, DEV ? 'sendText() takes UTF-8 bytes (Uint8Array, ArrayBuffer); use send() for strings' : undefined);
  // The type name is worked out only for a refusal: a message that passes allocates nothing for it.
  if (channel === 'binary') {
    const type = typeName(data);
    refuse('SOCKDOC_TEXT_ON_BINARY_CHANNEL', 'channel', 1003, { type, bytes: view.byteLength }, DEV ? `Cannot send a text frame on a binary channel ${sizeOf(view.byteLength, type)}; a binary-only server would close with 1003. Use send() with the bytes, or declare channel: 'text' or 'mixed'.` : '');
  }
  if (max !== undefined && view.byteLength > max) tooBig(typeName(data), view.byteLength, max);
  if (!validUtf8(view)) {
    const at = firstInvalidUtf8(view);
    const type = typeName(data);
    refuse('SOCKDOC_INVALID_UTF8', 'utf8', 1007, { type, bytes: view.byteLength, index: at }, DEV ? `Cannot send bytes as text: they are not valid UTF-8 (byte 0x${view[at]?.toString(16).toUpperCase().padStart(2, '0')} at offset ${at} of ${view.byteLength}); the server would close with 1007. Send them with send() as a binary frame, or base64-encode them.` : '');
  }
  return { data: view, kind: 'text', bytes: view.byteLength, asText: true };
}

/** Checks anything given to `send()`: strings and bytes pass on to their checks, the rest is refused. */
export function checkOutgoing(data: unknown, channel: Channel, max: number | undefined, utf8?: Utf8): CheckedMessage {
  if (typeof data === 'string') return checkString(data, channel, max, utf8);
  return inspecting(data, () => checkBinary(data, channel, max));
}

function detached(type: string): never {
  refuse('SOCKDOC_DETACHED_BUFFER', 'sendable', undefined, { type, bytes: 0 }, DEV ? `Cannot send a detached ${type} (it was transferred or resized away and has no bytes left). Send a copy made before the transfer.` : '');
}

function unsendable(v: unknown, hint?: string, cause?: unknown): never {
  const type = typeName(v);
  const why =
    DEV &&
    (hint ??
      (v !== null && typeof v === 'object' ? 'use sendJson() for objects and arrays' : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? 'convert it to a string first (String(value))' : 'send a string, an ArrayBuffer, a typed array or a Blob'));
  refuse('SOCKDOC_UNSENDABLE_VALUE', 'sendable', undefined, { type }, DEV ? `Cannot send a value of type ${type}: ${why}. Nothing was sent (runtimes would coerce it to a string such as "[object Object]").` : '', cause);
}
