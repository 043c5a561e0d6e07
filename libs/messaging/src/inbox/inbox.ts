import type { EntityManager } from 'typeorm';

/**
 * Records that this consumer group applies this event, inside the transaction of the effect.
 * Returns false when the event was applied before: the caller must then do nothing.
 */
export async function claimInboxEntry(manager: EntityManager, consumerGroup: string, eventId: string): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO inbox (consumer_group, event_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumerGroup, eventId],
  );
  return inserted.length === 1;
}
