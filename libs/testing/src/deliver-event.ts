import { Logger } from '@nestjs/common';
import type { CorridorEventServer } from '@corridor/messaging';
import type { OutboxEvent } from '@corridor/events';

let offset = 0;

/**
 * Hands one event to a service's consumer as if Kafka had delivered it (same inbox transaction,
 * same handlers), without the broker: for suites that feed a replica exactly the events they need.
 * Answers the consumer's outcome ('applied', 'duplicate', …).
 */
export function deliverEvent(events: CorridorEventServer, { topic, event }: OutboxEvent): ReturnType<CorridorEventServer['processRecord']> {
  offset += 1;
  return events.processRecord({
    topic,
    partition: 0,
    message: { key: Buffer.from(event.journeyId), value: Buffer.from(event.bytes), offset: String(offset), timestamp: String(Date.now()), attributes: 0, headers: {}, size: 0 },
    heartbeat: async () => undefined,
    pause: () => () => undefined,
  } as never);
}

/** Delivers the event and answers the warnings logged about it (a replica's "left out: <reason>"). */
export async function deliverAndCollectWarnings(events: CorridorEventServer, built: OutboxEvent): Promise<{ outcome: unknown; warnings: string[] }> {
  // Collected for the caller to assert, not printed: they are the point of the test.
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  try {
    const outcome = await deliverEvent(events, built);
    return { outcome, warnings: warn.mock.calls.map(([message]) => String(message)).filter((message) => message.includes(built.event.eventId)) };
  } finally {
    warn.mockRestore();
  }
}
