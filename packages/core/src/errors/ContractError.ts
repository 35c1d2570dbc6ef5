import { SockdocError, type SockdocErrorCode } from './SockdocError.js';

/** The rule of the outgoing contract a message broke. */
export type ContractRule = 'channel' | 'utf16' | 'utf8' | 'size' | 'sendable' | 'json' | 'schema';

/** What the refused value looked like. Never the payload itself. */
export interface ContractDetail {
  /** `string`, `ArrayBuffer`, `Uint8Array`, `Blob`, `number`, `object`, ... */
  readonly type: string;
  readonly bytes?: number;
  /** Index of the lone surrogate (UTF-16 units) or of the first invalid UTF-8 byte. */
  readonly index?: number;
  readonly limit?: number;
  /** For JSON: the path of the value that cannot be represented, e.g. `$.user.id`. */
  readonly path?: string;
  /** For a schema: each issue's path and the schema library's message (never the value). */
  readonly issues?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

/**
 * A message refused by the outgoing contract. Nothing was sent and the connection is still
 * open. `predictedClose` is the close code a server would most likely have answered with.
 *
 * @example
 * socket.on('violation', (e) => console.warn(e.code, e.predictedClose, e.detail));
 */
export class ContractError extends SockdocError {
  override name = 'ContractError';
  readonly rule: ContractRule;
  /** 1008 for a message a schema refuses: what a server that checks its messages most often answers (some use an application code, such as graphql-ws's 4400). */
  readonly predictedClose: 1003 | 1007 | 1008 | 1009 | undefined;
  readonly detail: ContractDetail;

  constructor(code: SockdocErrorCode, rule: ContractRule, predictedClose: ContractError['predictedClose'], detail: ContractDetail, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.rule = rule;
    this.predictedClose = predictedClose;
    this.detail = detail;
  }
}
