import { SockdocError, type SockdocErrorCode } from './SockdocError.js';

/**
 * An operation the client's current state does not allow: sending while closed with
 * queueing off, or a full queue. Nothing was sent.
 *
 * @example
 * const socket = createSocket(url, { WebSocket, queue: false });
 * socket.send('hi'); // throws StateError SOCKDOC_NOT_OPEN while connecting
 */
export class StateError extends SockdocError {
  override name = 'StateError';
  constructor(code: SockdocErrorCode, message: string) {
    super(code, message);
  }
}
