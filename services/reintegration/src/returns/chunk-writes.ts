import type { EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { appendToOutbox } from '@corridor/messaging';
import type { EncodedEvent } from '@corridor/events';

/**
 * Where the writes of a return go. One return writes them at once; a mass-return chunk collects
 * its hundreds of rows and events and writes each table (and each topic's events) in one statement
 * at the end of the chunk's transaction: the same rows, a few round trips instead of thousands.
 */
export interface ReturnWrites {
  insert<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): Promise<void>;
  publish(topic: string, event: EncodedEvent): Promise<void>;
}

export function immediateWrites(manager: EntityManager, publish: (topic: string, event: EncodedEvent) => Promise<void>): ReturnWrites {
  return { insert: async (entity, row) => void (await manager.insert(entity, row)), publish };
}

const FLUSH_ROWS = 1000;

export class ChunkWrites implements ReturnWrites {
  private readonly rows = new Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>();
  private readonly events = new Map<string, EncodedEvent[]>();
  count = 0;

  constructor(private readonly manager: EntityManager) {}

  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): Promise<void> {
    const list = this.rows.get(entity as EntityTarget<ObjectLiteral>) ?? [];
    list.push(row);
    this.rows.set(entity as EntityTarget<ObjectLiteral>, list);
  }

  async publish(topic: string, event: EncodedEvent): Promise<void> {
    this.events.set(topic, [...(this.events.get(topic) ?? []), event]);
    this.count++;
  }

  /** Tables in the order they were first written to, then the events topic by topic, each in the order published. */
  async flush(): Promise<void> {
    for (const [entity, rows] of this.rows) {
      for (let i = 0; i < rows.length; i += FLUSH_ROWS) await this.manager.insert(entity, rows.slice(i, i + FLUSH_ROWS));
    }
    for (const [topic, events] of this.events) {
      for (let i = 0; i < events.length; i += FLUSH_ROWS) await appendToOutbox(this.manager, topic, ...events.slice(i, i + FLUSH_ROWS));
    }
  }
}
