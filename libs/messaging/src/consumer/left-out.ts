import type { Logger } from '@nestjs/common';
import type { ReceivedEvent } from './received-event';

/**
 * A replica leaves out an event it may not apply: a step its state machine forbids in the state
 * the replica holds, a stale step, an object it does not hold. Logged with the reason (for a
 * refused step, the same detail the use case answers with) and not retried: retrying cannot make
 * it apply. ADR 0006.
 */
export function logLeftOut(logger: Pick<Logger, 'warn'>, event: ReceivedEvent, reason: string): void {
  logger.warn(`${event.envelope.eventType} (event ${event.envelope.eventId}) left out: ${reason}`);
}
