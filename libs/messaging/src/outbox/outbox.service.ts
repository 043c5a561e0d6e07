import type { DataSource, EntityManager } from 'typeorm';
import type { EncodedEvent } from '@corridor/events';
import { appendToOutbox } from './outbox.writer';
import type { OutboxRelay } from './outbox-relay';

/** A unit of work: change rows through `manager`, announce the change with `publish`. */
export interface OutboxTransaction {
  manager: EntityManager;
  publish(topic: string, event: EncodedEvent): Promise<void>;
}

/** Runs a state change and its events in one Postgres transaction, then nudges the relay. */
export class Outbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async transaction<T>(work: (tx: OutboxTransaction) => Promise<T>): Promise<T> {
    let published = 0;
    const result = await this.dataSource.transaction(async (manager) =>
      work({
        manager,
        publish: async (topic, event) => {
          await appendToOutbox(manager, topic, event);
          published += 1;
        },
      }),
    );
    if (published > 0) this.relay.wake();
    return result;
  }
}
