import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the outbox holds that has not left yet. */
export interface OutboxBacklog {
  rows: number;
  /** Age of the oldest unpublished row; 0 when there is none. */
  oldestAgeSeconds: number;
}

/** Per consumed topic: records not yet consumed by the group, and what waits in its dead-letter topic. */
export interface TopicConsumption {
  topic: string;
  lag: number;
  deadLetters: number;
}

/** The readings taken at scrape time (each from Postgres or Kafka); a service without a consumer has no `consumption`. */
export interface MetricProbes {
  outbox?: () => Promise<OutboxBacklog>;
  consumption?: () => Promise<TopicConsumption[]>;
  /** Seconds between an audit entry's write and its place in the chain (0 while the chain is written in the write's transaction). */
  auditMergeDelay?: () => Promise<number>;
}

export type ScheduledCheckOutcome = 'ok' | 'failed' | 'skipped';

/**
 * The Prometheus series of one service of one node, in a registry of its own (tests run dozens of
 * apps in one process; production runs one per process), every series labelled with the service
 * and its country. Counters are bumped by the code that does the work (HTTP middleware, outbox
 * relay, consumer, scheduler); gauges are read at scrape time through the probes.
 * GET /metrics (libs/service-runtime) answers `registry.metrics()`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private probes: MetricProbes = {};

  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly published: Counter<'topic' | 'event_type'>;
  private readonly consumed: Counter<'topic' | 'event_type' | 'outcome'>;
  private readonly deadLettered: Counter<'topic'>;
  private readonly scheduledRuns: Counter<'check' | 'outcome'>;
  private readonly scheduledDuration: Histogram<'check'>;

  constructor(labels: { service: string; country: string }, options: { processMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels(labels);
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'corridor_process_' });
    const registers = [this.registry];
    this.httpRequests = new Counter({ name: 'corridor_http_requests_total', help: 'HTTP requests answered, by route template and status', labelNames: ['method', 'route', 'status'], registers });
    this.httpDuration = new Histogram({
      name: 'corridor_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.published = new Counter({ name: 'corridor_events_published_total', help: 'Events the outbox relay published (Kafka acknowledged), by topic and event type', labelNames: ['topic', 'event_type'], registers });
    this.consumed = new Counter({
      name: 'corridor_events_consumed_total',
      help: 'Records the consumer handled, by topic, event type and outcome (applied, duplicate, unknown-type, dead-lettered)',
      labelNames: ['topic', 'event_type', 'outcome'],
      registers,
    });
    this.deadLettered = new Counter({ name: 'corridor_dead_letters_total', help: 'Records this instance copied to <topic>.dlq', labelNames: ['topic'], registers });
    this.scheduledRuns = new Counter({ name: 'corridor_scheduled_check_runs_total', help: 'Runs of scheduled checks, by check and outcome', labelNames: ['check', 'outcome'], registers });
    this.scheduledDuration = new Histogram({ name: 'corridor_scheduled_check_duration_seconds', help: 'Time a scheduled check run took', labelNames: ['check'], buckets: [0.01, 0.1, 0.5, 1, 5, 30, 120], registers });

    const probes = () => this.probes;
    new Gauge({
      name: 'corridor_outbox_backlog',
      help: 'Outbox rows not yet published',
      registers,
      async collect() {
        const reading = await probes().outbox?.().catch(() => undefined);
        if (reading) this.set(reading.rows);
      },
    });
    new Gauge({
      name: 'corridor_outbox_oldest_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when the outbox is empty)',
      registers,
      async collect() {
        const reading = await probes().outbox?.().catch(() => undefined);
        if (reading) this.set(reading.oldestAgeSeconds);
      },
    });
    const consumption = new CachedReading(() => probes().consumption?.() ?? Promise.resolve(undefined));
    new Gauge({
      name: 'corridor_consumer_lag',
      help: "Records of a consumed topic not yet consumed by the service's consumer group (end offset minus committed offset, summed over partitions)",
      labelNames: ['topic'],
      registers,
      async collect() {
        const topics = await consumption.read();
        this.reset();
        topics?.forEach((t) => this.set({ topic: t.topic }, t.lag));
      },
    });
    new Gauge({
      name: 'corridor_dead_letter_records',
      help: 'Records held in <topic>.dlq of each consumed topic (all groups, since the topic was created or last trimmed)',
      labelNames: ['topic'],
      registers,
      async collect() {
        const topics = await consumption.read();
        this.reset();
        topics?.forEach((t) => this.set({ topic: t.topic }, t.deadLetters));
      },
    });
    new Gauge({
      name: 'corridor_audit_merge_delay_seconds',
      help: 'How long the oldest audit entry not yet in the hash chain has waited (0: every entry is chained)',
      registers,
      async collect() {
        const delay = await probes().auditMergeDelay?.().catch(() => undefined);
        if (delay !== undefined) this.set(delay);
      },
    });
  }

  /** Where the gauges read from; the service runtime sets them once its database and Kafka client exist. */
  useProbes(probes: MetricProbes): void {
    this.probes = { ...this.probes, ...probes };
  }

  httpRequestAnswered(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  eventsPublished(topic: string, eventType: string, count = 1): void {
    this.published.inc({ topic, event_type: eventType }, count);
  }

  eventConsumed(topic: string, eventType: string, outcome: string): void {
    this.consumed.inc({ topic, event_type: eventType, outcome });
  }

  recordDeadLettered(topic: string): void {
    this.deadLettered.inc({ topic });
  }

  /** For libs/scheduler (and any periodic job): one run of a check, how it ended and how long it took. */
  scheduledCheckRun(check: string, outcome: ScheduledCheckOutcome, seconds?: number): void {
    this.scheduledRuns.inc({ check, outcome });
    if (seconds !== undefined) this.scheduledDuration.observe({ check }, seconds);
  }

  /** Times `run` as one run of `check`: ok when it resolves, failed when it throws (rethrown). */
  async timeScheduledCheck<T>(check: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await run();
      this.scheduledCheckRun(check, 'ok', (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      this.scheduledCheckRun(check, 'failed', (performance.now() - started) / 1000);
      throw error;
    }
  }

  /** The Prometheus text exposition of every series. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** One Kafka round trip serves both gauges of a scrape (they are collected one after the other). */
class CachedReading<T> {
  private last: { at: number; value: Promise<T | undefined> } | undefined;
  constructor(
    private readonly read_: () => Promise<T | undefined>,
    private readonly maxAgeMs = 1000,
  ) {}
  read(): Promise<T | undefined> {
    if (!this.last || performance.now() - this.last.at > this.maxAgeMs) {
      this.last = { at: performance.now(), value: this.read_().catch(() => undefined) };
    }
    return this.last.value;
  }
}
