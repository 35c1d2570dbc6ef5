import type { StatusProbe, Transport, TransportEvents } from '@sockdoc/core/adapter';
import { OptionError } from '@sockdoc/core';
import type { StatusRequest } from './statusProbe.js';

/** Where the status probe may ask: `'same-origin'` (default), `'cors'` (also other origins, when their servers allow CORS), or `false`. */
export type StatusProbeMode = 'same-origin' | 'cors' | false;

/** How long a probe may take before the close is reported without its answer. */
const PROBE_TIMEOUT_MS = 3000;

/**
 * A browser transport whose failed handshakes are asked about: when a socket closes without
 * ever opening (the browser hides why), its close is held back until a plain request to the same
 * URL says what the status is, or 3 s pass, and the answer is reported first (`statusProbe`).
 * Once per failure streak and URL (an open starts over; a refresh that changes the URL asks
 * again), never while offline. Closing the socket or giving it up meanwhile reports at once.
 */
export function probingTransport(base: Transport, mode: StatusProbeMode = 'same-origin'): Transport {
  if (mode !== 'same-origin' && mode !== 'cors' && mode !== false) throw new OptionError('SOCKDOC_INVALID_OPTION', `Option statusProbe must be 'same-origin', 'cors' or false (got ${String(mode)}).`);
  /** What this client's streak learned, for the URL it learned it of. */
  let earlier: { url: string; result: StatusProbe } | undefined;
  return {
    ...base,
    open(url, protocols, binaryType, events) {
      let opened = false;
      /** The client closed it: a close it asked for is not a failure to ask about. */
      let closing = false;
      /** The probe under way: `end()` reports the close it holds back, without waiting. */
      let held: { end(result?: StatusProbe, drop?: boolean): void } | undefined;
      // Forwards to the client's connection (a class instance: its methods are on its prototype).
      const wrapped: TransportEvents = {
        message: (data) => events.message(data),
        error: (error, code, message) => events.error(error, code, message),
        handshake: (status, headers) => events.handshake(status, headers),
        transportError: (code, message) => events.transportError(code, message),
        statusProbe: (result) => events.statusProbe(result),
        pong: () => events.pong(),
        open() {
          opened = true;
          earlier = undefined;
          events.open();
        },
        close(code, reason, wasClean) {
          if (held) return;
          const report = (result: StatusProbe | undefined) => {
            if (result) events.statusProbe(result);
            events.close(code, reason, wasClean);
          };
          if (opened || closing) return report(undefined);
          if (mode === false) return report({ unknown: 'off' });
          if ((globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false) return report({ unknown: 'offline' });
          if (earlier?.url === url) return report({ ...earlier.result, earlier: true });
          let request: StatusRequest | undefined;
          const timer = setTimeout(() => end({ unknown: 'timeout' }), PROBE_TIMEOUT_MS);
          const end = (result?: StatusProbe, drop = false) => {
            if (held !== hold) return;
            held = undefined;
            clearTimeout(timer);
            request?.cancel();
            if (drop) return;
            if (result) earlier = { url, result };
            report(result);
          };
          const hold = (held = { end });
          import('./statusProbe.js').then(
            (m) => {
              if (held !== hold) return;
              request = m.askStatus(url, mode === 'cors');
              void request.done.then(end);
            },
            () => end({ unknown: 'off' }),
          );
        },
      };
      const socket = base.open(url, protocols, binaryType, wrapped);
      // While a probe holds the close back, the socket is already closed: closing it again (the
      // user, a timeout) reports the close now; detaching it (the client moved on) drops it.
      const close = socket.close.bind(socket);
      const detach = socket.detach.bind(socket);
      socket.close = (code, reason) => {
        closing = true;
        if (held) held.end();
        else close(code, reason);
      };
      socket.detach = () => {
        held?.end(undefined, true);
        detach();
      };
      return socket;
    },
  };
}
