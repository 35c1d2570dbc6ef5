import { SockdocError, type SockdocErrorCode } from './SockdocError.js';

/**
 * An invalid option or URL passed to `createSocket`.
 *
 * @example
 * createSocket('http://x', { WebSocket }); // throws OptionError SOCKDOC_INVALID_URL
 */
export class OptionError extends SockdocError {
  override name = 'OptionError';
  constructor(code: SockdocErrorCode, message: string) {
    super(code, message);
  }
}
