import { SockdocError, type SockdocErrorCode } from './SockdocError.js';

/**
 * An invalid option or URL passed to `createSocket`. (`http:` and `https:` URLs are valid: as in
 * browsers, they mean `ws:` and `wss:`.)
 *
 * @example
 * createSocket('ftp://example.com/chat', { WebSocket }); // throws OptionError SOCKDOC_INVALID_URL
 * createSocket('wss://example.com/chat', { WebSocket, maxMessageBytes: -1 }); // throws OptionError SOCKDOC_INVALID_OPTION
 */
export class OptionError extends SockdocError {
  override name = 'OptionError';
  constructor(code: SockdocErrorCode, message: string) {
    super(code, message);
  }
}
