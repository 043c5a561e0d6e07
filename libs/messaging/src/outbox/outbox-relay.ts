import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { OutboxBacklog, ServiceMetrics } from '@corridor/metrics';
import { RECORD_HEADERS } from '@corridor/events';
import { nextBackoffMs } from '../consumer/retry-policy';

interface PendingRow {
  id: string;
  event_id: string;
  event_type: string;
  topic: string;
  record_key: string;
  correlation_id: string;
  causation_id: string;
  traceparent: string;
  payload: Buffer;
}

export interface OutboxRelayOptions {
  /** How often to look for rows written by other instances or left by a crash. */
  pollIntervalMs?: number;
  batchSize?: number;
  /** Test hook: runs after Kafka acknowledged the batch and before the rows are marked sent. */
  afterPublishBeforeMark?: (eventIds: string[]) => Promise<void>;
}

/** Advisory lock key shared by all instances of one service: one relay publishes at a time, in order. */
const RELAY_LOCK = 727275;

/**
 * Publishes outbox rows to Kafka and marks them sent. A crash between the two re-sends the
 * batch (never loses it); the consumers' inbox drops the duplicate.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wakeRequested = false;
  private stopped = true;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions = {},
    private readonly metrics?: ServiceMetrics,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Called after a commit that wrote outbox rows, so they leave within milliseconds, not a poll later. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in flight, so nothing is left half-sent on shutdown. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Publishes everything pending now; returns how many rows were sent. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent === 0) return total;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.wakeRequested = false;
    let delay = this.options.pollIntervalMs ?? 1000;
    this.running = this.flush()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: Error) => {
        this.failures += 1;
        delay = nextBackoffMs(this.failures, { initialMs: 200, maxMs: 10_000 });
        this.logger.warn(`outbox publish failed (attempt ${this.failures}), retrying in ${delay} ms: ${error.message}`);
      });
    await this.running;
    this.running = undefined;
    this.schedule(this.wakeRequested && this.failures === 0 ? 0 : delay);
  }

  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK]);
      if (!locked) return 0;
      const rows: PendingRow[] = await manager.query(
        `SELECT id, event_id, event_type, topic, record_key, correlation_id, causation_id, traceparent, payload
           FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [this.options.batchSize ?? 200],
      );
      if (rows.length === 0) return 0;
      try {
        await this.send(rows);
      } catch (error) {
        await this.recordFailure(rows, error as Error);
        throw error;
      }
      this.countPublished(rows);
      await this.options.afterPublishBeforeMark?.(rows.map((r) => r.event_id));
      await manager.query('UPDATE outbox SET published_at = now(), publish_attempts = publish_attempts + 1 WHERE id = ANY($1::bigint[])', [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  private async send(rows: PendingRow[]): Promise<void> {
    const byTopic = new Map<string, PendingRow[]>();
    for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, topicRows]) => ({
        topic,
        messages: topicRows.map((row) => ({
          key: row.record_key,
          value: row.payload,
          headers: recordHeaders(row),
        })),
      })),
    });
  }

  private countPublished(rows: PendingRow[]): void {
    if (!this.metrics) return;
    const counts = new Map<string, { topic: string; type: string; n: number }>();
    for (const row of rows) {
      const key = `${row.topic}\u0000${row.event_type}`;
      const entry = counts.get(key) ?? { topic: row.topic, type: row.event_type, n: 0 };
      entry.n += 1;
      counts.set(key, entry);
    }
    counts.forEach(({ topic, type, n }) => this.metrics!.eventsPublished(topic, type, n));
  }

  /** Recorded outside the batch's transaction, which rolls back, so that operators see why rows wait. */
  private async recordFailure(rows: PendingRow[], error: Error): Promise<void> {
    await this.dataSource
      .query('UPDATE outbox SET publish_attempts = publish_attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])', [
        rows.map((r) => r.id),
        error.message.slice(0, 1000),
      ])
      .catch(() => undefined);
  }
}

/**
 * The envelope fields repeated outside the payload so tools can route and trace without decoding
 * (docs/asyncapi.yaml); empty ones (rows older than the trace context, events without a cause) are left out.
 */
function recordHeaders(row: PendingRow): Record<string, string> {
  const headers: Record<string, string> = {
    [RECORD_HEADERS.eventType]: row.event_type,
    [RECORD_HEADERS.eventId]: row.event_id,
    [RECORD_HEADERS.correlationId]: row.correlation_id,
    [RECORD_HEADERS.traceparent]: row.traceparent,
    [RECORD_HEADERS.causationId]: row.causation_id,
  };
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''));
}

/** What waits in a service's outbox (the /metrics gauges and the runbook's query). */
export async function readOutboxBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const [row] = (await dataSource.query(
    `SELECT count(*)::int AS rows, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age
       FROM outbox WHERE published_at IS NULL`,
  )) as { rows: number; age: number }[];
  return { rows: row.rows, oldestAgeSeconds: Math.max(0, row.age) };
}
