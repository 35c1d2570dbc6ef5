import type { Diagnosis } from '@sockdoc/diagnose';
import type { CheckedMessage } from './checkOutgoing.js';

/**
 * What the client tells a message sent through `handles()` or `requester()` (internal). The
 * client calls `moved` at each change; it never holds a handle of its own, so apps that send
 * only with `send()` carry none of the handle code.
 */
export interface DeliveryHook {
  /** The message as the client holds it now (its own copy once queued): for the one resend of an idempotent request. */
  msg?: CheckedMessage;
  /** On the client's clock; 0 for none. A queued message past it is never written. */
  readonly expiresAt: number;
  moved(fate: 'queued' | 'sent' | 'expired' | 'dropped' | 'failed', diagnosis?: Diagnosis): void;
}
