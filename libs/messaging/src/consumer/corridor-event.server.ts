import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { Consumer, EachMessagePayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { ServiceMetrics } from '@corridor/metrics';
import { isDatabaseUnavailable } from '@corridor/persistence';
import { RECORD_HEADERS, UndecodableEventError, decodeEnvelope, decodePayload, deadLetterTopic, type EncodedEvent, type EventEnvelope } from '@corridor/events';
import { newTraceContext, runInTraceContext, traceContextForEvent, type TraceContext } from '@corridor/trace-context';
import { claimInboxEntry } from '../inbox/inbox';
import { appendToOutbox } from '../outbox/outbox.writer';
import { createIdempotentProducer } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/ensure-topics';
import { sendToDeadLetter } from './dead-letter';
import type { ReceivedEvent } from './received-event';
import { DEFAULT_RETRY_POLICY, nextBackoffMs, type RetryPolicy } from './retry-policy';

export interface CorridorEventServerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  /** One group per service and country node; two services sharing one would steal each other's events. */
  groupId: string;
  topics: string[];
  /** A new group reads from the start so the read model can be rebuilt from Kafka. */
  fromBeginning?: boolean;
  retry?: RetryPolicy;
  partitionsConsumedConcurrently?: number;
  /** Woken when a handler published, so its events leave within milliseconds (the relay polls anyway). */
  relay?: { wake(): void };
  /** Counts every record handled, by type and outcome, and every dead letter (GET /metrics). */
  metrics?: ServiceMetrics;
}

type ProcessOutcome = 'applied' | 'duplicate' | 'unknown-type' | 'dead-lettered';

/**
 * A @nestjs/microservices transport for Corridor's protobuf envelopes on kafkajs. Handlers are
 * plain @EventPattern (or @HandlesEvent) methods. Per record it: decodes the envelope, skips
 * unknown types, applies the handler in one transaction with the inbox entry (so a redelivery
 * has no second effect), retries with back-off, then parks the record in <topic>.dlq and moves on.
 * All of it runs in the record's trace context (libs/trace-context): its correlation id and trace
 * in a span of this service, with the record as the cause of every event the handler publishes
 * and named in every log line meanwhile.
 */
export class CorridorEventServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(CorridorEventServer.name);
  private consumer: Consumer | undefined;
  private deadLetterProducer: Producer | undefined;
  /** A new consumer waiting to be started after the last one died (see onCrash). */
  private restartTimer: NodeJS.Timeout | undefined;
  private restarts = 0;
  /** Set by close(): a record waiting for the database gives up, unacknowledged (redelivered later). */
  private closing = false;
  private assigned!: Promise<void>;
  private markAssigned!: () => void;
  /** Counters for health and tests. */
  readonly stats = { applied: 0, duplicates: 0, unknownTypes: 0, deadLettered: 0 };

  constructor(private readonly options: CorridorEventServerOptions) {
    super();
    this.resetAssigned();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Resolves once the group has joined and partitions are assigned, i.e. new records will be seen. */
  whenAssigned(): Promise<void> {
    return this.assigned;
  }

  /** Stops fetching, lets the records in flight finish, then leaves the group. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) {
      await consumer.stop().catch(() => undefined);
      await consumer.disconnect().catch(() => undefined);
    }
    await this.deadLetterProducer?.disconnect().catch(() => undefined);
    this.deadLetterProducer = undefined;
  }

  on(): never {
    throw new Error('CorridorEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private resetAssigned(): void {
    this.assigned = new Promise((resolve) => (this.markAssigned = resolve));
  }

  private async start(): Promise<void> {
    const { kafka, topics } = this.options;
    await ensureTopics(kafka, [...topics, ...topics.map(deadLetterTopic)]);
    this.deadLetterProducer = createIdempotentProducer(kafka);
    await this.deadLetterProducer.connect();
    await this.startConsumer();
  }

  private async startConsumer(): Promise<void> {
    const { kafka, topics, groupId } = this.options;
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 30_000,
      rebalanceTimeout: 60_000,
      heartbeatInterval: 3_000,
      // A fetch waits at most this long when idle; it also bounds how long shutdown waits for it.
      maxWaitTimeInMs: 1_000,
      allowAutoTopicCreation: false,
      // Restart after any crash, e.g. while the broker is down; the consumer rejoins on its own.
      retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 8, restartOnFailure: async () => true },
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.restarts = 0;
      this.markAssigned();
    });
    consumer.on(consumer.events.CRASH, (event) => this.onCrash(consumer, event.payload.error, event.payload.restart));
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: async (payload) => {
        await this.processRecord(payload);
      },
    });
  }

  /**
   * kafkajs restarts a crashed consumer only after an error it deems retriable; after any other
   * (a topic authorization failure while the node's rights are revoked, i.e. a partition) the
   * consumer stays stopped for good, and the node would never read the corridor again once
   * healed. Such a consumer is replaced by a new one, tried with a growing pause until it runs.
   */
  private onCrash(consumer: Consumer, error: Error, restartedByKafkajs: boolean): void {
    const { groupId } = this.options;
    if (restartedByKafkajs) {
      this.logger.warn(`consumer ${groupId} crashed, kafkajs restarts it: ${error.message}`);
      return;
    }
    if (this.consumer !== consumer || this.restartTimer) return;
    const delayMs = Math.min(30_000, 1_000 * 2 ** Math.min(this.restarts++, 5));
    this.logger.warn(`consumer ${groupId} stopped on an error kafkajs does not retry (${error.message}); a new consumer in ${delayMs} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.replace(consumer);
    }, delayMs);
  }

  private async replace(dead: Consumer): Promise<void> {
    if (this.consumer !== dead) return;
    await dead.disconnect().catch(() => undefined);
    try {
      await this.startConsumer();
    } catch (error) {
      // Refused again at subscribe (still partitioned): the same path as a crash of the new one.
      const current = this.consumer;
      if (current) this.onCrash(current, error instanceof Error ? error : new Error(String(error)), false);
    }
  }

  /** Exposed for tests of the per-record rules; the consumer calls it for every record. */
  async processRecord(payload: EachMessagePayload): Promise<ProcessOutcome> {
    let envelope: EventEnvelope | UndecodableEventError;
    try {
      envelope = decodeEnvelope(payload.message.value);
    } catch (error) {
      if (!(error instanceof UndecodableEventError)) throw error;
      envelope = error;
    }
    return runInTraceContext(traceContextOf(envelope, payload.message), () => this.processDecoded(payload, envelope));
  }

  private async processDecoded({ topic, partition, message, heartbeat }: EachMessagePayload, envelope: EventEnvelope | UndecodableEventError): Promise<ProcessOutcome> {
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    let outage = 0;
    for (let attempt = 1; ; ) {
      try {
        if (envelope instanceof UndecodableEventError) throw envelope;
        const outcome = await this.applyOnce(topic, envelope);
        this.count(outcome);
        this.options.metrics?.eventConsumed(topic, envelope.eventType, outcome);
        if (outcome === 'applied') this.logger.debug(`applied ${envelope.eventType} ${envelope.eventId} from ${topic} (${this.options.groupId})`);
        return outcome;
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        const poison = failure instanceof UndecodableEventError;
        if (!poison && isDatabaseUnavailable(failure)) {
          // Not the record's fault (a Postgres restart, every connection busy): it waits for the
          // database, however long, and is never parked; its attempts do not count (ADR 0026).
          if (this.closing) throw failure;
          outage += 1;
          if (outage === 1 || outage % 30 === 0) this.logger.warn(`record ${topic}/${partition}@${message.offset} waits for the database (${failure.message}); retried until it applies`);
          await sleep(nextBackoffMs(outage, policy));
          await heartbeat().catch(() => undefined);
          continue;
        }
        if (poison || attempt >= policy.maxAttempts) {
          this.logger.error(`record ${topic}/${partition}@${message.offset} dead-lettered after ${attempt} attempt(s): ${failure.message}`);
          await sendToDeadLetter(this.deadLetterProducer!, topic, partition, message, {
            error: failure,
            attempts: attempt,
            consumerGroup: this.options.groupId,
          });
          this.stats.deadLettered += 1;
          this.options.metrics?.eventConsumed(topic, envelope instanceof UndecodableEventError ? 'undecodable' : envelope.eventType, 'dead-lettered');
          this.options.metrics?.recordDeadLettered(topic);
          return 'dead-lettered';
        }
        await sleep(nextBackoffMs(attempt, policy));
        attempt += 1;
        // Long back-offs must not cost the partition: keep the group membership alive.
        await heartbeat().catch(() => undefined);
      }
    }
  }

  private async applyOnce(topic: string, envelope: EventEnvelope): Promise<Exclude<ProcessOutcome, 'dead-lettered'>> {
    const handler = this.getHandlerByPattern(envelope.eventType);
    if (!handler) return 'unknown-type';
    const decoded = decodePayload(envelope);
    if (!decoded) return 'unknown-type';
    let published = false;
    const outcome = await this.options.dataSource.transaction(async (manager) => {
      if (!(await claimInboxEntry(manager, this.options.groupId, envelope.eventId))) return 'duplicate';
      const publish = async (to: string, event: EncodedEvent) => {
        await appendToOutbox(manager, to, event);
        published = true;
      };
      const event: ReceivedEvent = { envelope, payload: decoded.message, schema: decoded.schema, manager, topic, publish };
      await lastValueFrom(this.transformToObservable(await handler(event)), { defaultValue: undefined });
      return 'applied';
    });
    if (published) this.options.relay?.wake();
    return outcome;
  }

  private count(outcome: Exclude<ProcessOutcome, 'dead-lettered'>): void {
    if (outcome === 'applied') this.stats.applied += 1;
    else if (outcome === 'duplicate') this.stats.duplicates += 1;
    else this.stats.unknownTypes += 1;
  }
}

/**
 * The envelope is the authority; the headers stand in only for a record that is not one (it is
 * still handled, i.e. dead-lettered, in the trace that sent it).
 */
function traceContextOf(envelope: EventEnvelope | UndecodableEventError, message: KafkaMessage): TraceContext {
  if (!(envelope instanceof UndecodableEventError)) return traceContextForEvent(envelope);
  const eventId = header(message.headers, RECORD_HEADERS.eventId);
  return eventId ? traceContextForEvent({ eventId, correlationId: header(message.headers, RECORD_HEADERS.correlationId), traceparent: header(message.headers, RECORD_HEADERS.traceparent) }) : newTraceContext();
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
