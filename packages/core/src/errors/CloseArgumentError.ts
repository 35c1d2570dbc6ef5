import { SockdocError, type SockdocErrorCode } from './SockdocError.js';

/**
 * `close(code, reason)` arguments that a browser would reject. Thrown on every runtime, so
 * code that passes in Node does not throw in a browser.
 *
 * @example
 * socket.close(1001); // throws CloseArgumentError, code SOCKDOC_INVALID_CLOSE_CODE
 */
export class CloseArgumentError extends SockdocError {
  override name = 'CloseArgumentError';
  constructor(code: SockdocErrorCode, message: string) {
    super(code, message);
  }
}
