/**
 * Every stable error code sockdoc can throw. The code is the API; messages may improve.
 * docs/error-codes.md has one entry per code (a test keeps them in step).
 *
 * @example
 * ERROR_CODES.includes(err.code);
 */
export const ERROR_CODES = [
  'SOCKDOC_BINARY_ON_TEXT_CHANNEL',
  'SOCKDOC_TEXT_ON_BINARY_CHANNEL',
  'SOCKDOC_LONE_SURROGATE',
  'SOCKDOC_INVALID_UTF8',
  'SOCKDOC_MESSAGE_TOO_BIG',
  'SOCKDOC_UNSENDABLE_VALUE',
  'SOCKDOC_DETACHED_BUFFER',
  'SOCKDOC_JSON_UNREPRESENTABLE',
  'SOCKDOC_SCHEMA_MISMATCH',
  'SOCKDOC_SCHEMA_ASYNC',
  'SOCKDOC_INVALID_CLOSE_CODE',
  'SOCKDOC_CLOSE_REASON_TOO_LONG',
  'SOCKDOC_INVALID_CLOSE_REASON',
  'SOCKDOC_NOT_OPEN',
  'SOCKDOC_QUEUE_FULL',
  'SOCKDOC_SETUP_TIMEOUT',
  'SOCKDOC_REQUEST_TIMEOUT',
  'SOCKDOC_REQUEST_ABORTED',
  'SOCKDOC_REQUEST_CLOSED',
  'SOCKDOC_REQUEST_DROPPED',
  'SOCKDOC_INVALID_OPTION',
  'SOCKDOC_INVALID_URL',
] as const;

export type SockdocErrorCode = (typeof ERROR_CODES)[number];

/**
 * Base class of every error sockdoc throws. Check `code`, not the message.
 *
 * @example
 * try { socket.send(new Uint8Array(4)); }
 * catch (e) { if (isSockdocError(e) && e.code === 'SOCKDOC_BINARY_ON_TEXT_CHANNEL') showHint(e.message); }
 */
export class SockdocError extends Error {
  override name = 'SockdocError';
  readonly code: SockdocErrorCode;

  /** In production builds `message` is empty: the message is then the code and where its docs entry is. */
  constructor(code: SockdocErrorCode, message: string, options?: { cause?: unknown }) {
    super(message || `${code}: see docs/error-codes.md#${code.toLowerCase()} in the sockdoc repository`, options);
    this.code = code;
  }
}

/**
 * True for any sockdoc error, also across realms and duplicate package copies (it checks
 * the `code` prefix when `instanceof` fails).
 *
 * @example
 * if (isSockdocError(e)) console.log(e.code);
 */
export function isSockdocError(e: unknown): e is SockdocError {
  if (e instanceof SockdocError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('SOCKDOC_');
}
