import type { Type } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { RECORD_HEADERS } from '@corridor/events';
import { readTopicsToEnd, rewindConsumerGroup } from '@corridor/messaging';

/**
 * A read model a service keeps from consumed events alone (a replica of another node's objects):
 * what `npm run rebuild` can empty and have the service fill again from Kafka.
 */
export interface ReadModel {
  name: string;
  /** The @HandlesEvent classes that write it: the event types it is made of. */
  projectors: Type[];
  /** Empties its tables (nothing outside the read model may reference them). */
  clear(manager: EntityManager): Promise<void>;
}

/** The event types a projector class handles (its @HandlesEvent / @EventPattern methods). */
export function eventTypesOf(projectors: Type[]): string[] {
  const types = new Set<string>();
  for (const projector of projectors) {
    for (const method of Object.getOwnPropertyNames(projector.prototype)) {
      const handler = (projector.prototype as Record<string, unknown>)[method];
      const patterns = typeof handler === 'function' ? (Reflect.getMetadata(PATTERN_METADATA, handler) as unknown[] | undefined) : undefined;
      patterns?.forEach((p) => typeof p === 'string' && types.add(p));
    }
  }
  return [...types].sort();
}

export interface RebuildReport {
  eventTypes: string[];
  /** Records of those types on the consumed topics, whose inbox entries were removed. */
  events: number;
  inboxRowsRemoved: number;
}

/**
 * Rebuilds a read model from the log (docs/runbook.md "Rebuilding a read model"): with the
 * service stopped (Kafka refuses to move a group that has members), empties the read model and
 * forgets, in the inbox, the events it is made of, in one transaction, then rewinds the service's
 * consumer group to the start of its topics. At its next start the service reads everything
 * again: the inbox skips what the rest of the database already holds, the read model's events
 * are applied anew, in order.
 */
export async function rebuildReadModel(options: { readModel: ReadModel; dataSource: DataSource; kafka: Kafka; groupId: string; topics: string[]; readerGroupId: string }): Promise<RebuildReport> {
  const { readModel, dataSource, kafka, groupId, topics } = options;
  const admin = kafka.admin();
  await admin.connect();
  const { groups } = await admin.describeGroups([groupId]).finally(() => admin.disconnect());
  if (groups[0]?.members.length) throw new Error(`consumer group ${groupId} has ${groups[0].members.length} member(s): stop the service before rebuilding ${readModel.name}`);
  const eventTypes = eventTypesOf(readModel.projectors);
  const records = await readTopicsToEnd(kafka, topics, options.readerGroupId);
  const header = (headers: Record<string, unknown> | undefined, name: string) => headers?.[name]?.toString();
  const eventIds = records.filter((r) => eventTypes.includes(header(r.message.headers, RECORD_HEADERS.eventType) ?? '')).map((r) => header(r.message.headers, RECORD_HEADERS.eventId)!);
  const inboxRowsRemoved = await dataSource.transaction(async (manager) => {
    await readModel.clear(manager);
    const [, removed] = (await manager.query('DELETE FROM inbox WHERE consumer_group = $1 AND event_id = ANY($2::uuid[])', [groupId, eventIds])) as [unknown, number];
    return removed;
  });
  await rewindConsumerGroup(kafka, groupId, topics, new Date(0));
  return { eventTypes, events: eventIds.length, inboxRowsRemoved };
}
