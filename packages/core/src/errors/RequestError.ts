import type { Diagnosis } from '@sockdoc/diagnose';
import { SockdocError, type SockdocErrorCode } from './SockdocError.js';

/**
 * How a `request()` ended without its reply: `SOCKDOC_REQUEST_TIMEOUT`, `SOCKDOC_REQUEST_ABORTED`,
 * `SOCKDOC_REQUEST_CLOSED` (the connection closed with the request in flight, or the client
 * stopped: `diagnosis` says why) or `SOCKDOC_REQUEST_DROPPED` (the queue's overflow policy dropped it).
 *
 * @example
 * import { RequestError } from '@sockdoc/browser';
 * const why = (e: unknown) => (e instanceof RequestError && e.code === 'SOCKDOC_REQUEST_CLOSED' ? e.diagnosis?.summary : undefined);
 */
export class RequestError extends SockdocError {
  override name = 'RequestError';
  /** The id the request carried. */
  readonly requestId: string;
  /** The diagnosis of the close that ended the request, when one did. */
  readonly diagnosis: Diagnosis | undefined;
  constructor(code: SockdocErrorCode, message: string, requestId: string, diagnosis?: Diagnosis) {
    super(code, message);
    this.requestId = requestId;
    this.diagnosis = diagnosis;
  }
}
