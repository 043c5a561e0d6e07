import { logLevel, type Kafka, type LogEntry } from 'kafkajs';
import { corridorTopic, corridorTopicPrefix, countryTopic, countryTopicPrefix } from '@corridor/events';
import { createIdempotentProducer, ensureTopics } from '@corridor/messaging';
import { testKafka, testNodeConfig, uniqueGroupId, uniqueName } from '@corridor/testing';

jest.setTimeout(60_000);

/**
 * Issue #8, finding 15: on the shared cluster a node reads and writes only what its corridors
 * and its own country give it (ADR 0007). Runs against the real broker `npm test` starts, with
 * each node's own principal (the ACLs broker.sh derives from CORRIDORS=KH>TH,LA>TH).
 */
const brokers = testNodeConfig('KH').kafkaBrokers;
const KH_TH = corridorTopic('KH', 'TH', 'recruitment');
const KH_INTERNAL = countryTopic('KH', 'recruitment');
// What the allowed principals write goes to test topics under the same prefixes, never into the
// services' topics (a consumer there would dead-letter a record that is not an event envelope).
const KH_TH_TEST = `${corridorTopicPrefix('KH', 'TH')}acl-test.v1`;
const LA_INTERNAL_TEST = `${countryTopicPrefix('LA')}acl-test.v1`;

/** A quiet client of one principal that gives up soon, so a refusal surfaces as an error (an idempotent producer needs retries > 0). */
const as = (principal: string): Kafka => testKafka(`acl-test-${principal.toLowerCase()}`, brokers, principal, { retry: { retries: 1, initialRetryTime: 100 } });

/** The Kafka error codes anywhere in a kafkajs error (they wrap the broker's answer differently per API). */
function errorTypes(error: unknown): string[] {
  const seen: string[] = [];
  const walk = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 5) return;
    const err = e as { type?: string; cause?: unknown; originalError?: unknown; errors?: unknown[]; topicErrors?: unknown[]; message?: string };
    if (err.type) seen.push(err.type);
    if (/TOPIC_AUTHORIZATION_FAILED|GROUP_AUTHORIZATION_FAILED/.test(err.message ?? '')) seen.push(/GROUP/.test(err.message!) ? 'GROUP_AUTHORIZATION_FAILED' : 'TOPIC_AUTHORIZATION_FAILED');
    for (const inner of [err.cause, err.originalError, ...(err.errors ?? []), ...(err.topicErrors ?? [])]) walk(inner, depth + 1);
  };
  walk(error, 0);
  return [...new Set(seen)];
}

async function refusal(action: () => Promise<unknown>): Promise<string[]> {
  try {
    await action();
  } catch (error) {
    const types = errorTypes(error);
    return types.length ? types : [`${(error as Error).name}: ${(error as Error).message}`];
  }
  return ['ALLOWED'];
}

async function produce(kafka: Kafka, topic: string, value: string): Promise<void> {
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'acl-test', value }] });
  } finally {
    await producer.disconnect();
  }
}

/** Consumes `topic` from the beginning in `groupId` until `value` arrives; throws the consumer's error. */
async function consume(kafka: Kafka, groupId: string, topic: string, value?: string, timeoutMs = 20_000): Promise<string> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false, retry: { retries: 0 } });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing consumed from ${topic} within ${timeoutMs} ms`)), timeoutMs);
      consumer.on(consumer.events.CRASH, (event) => {
        clearTimeout(timer);
        reject(event.payload.error);
      });
      consumer
        .run({
          eachMessage: async ({ message }) => {
            if (value === undefined || message.value?.toString() === value) {
              clearTimeout(timer);
              resolve(message.value?.toString() ?? '');
            }
          },
        })
        .catch((error) => {
          clearTimeout(timer);
          reject(error);
        });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

beforeAll(async () => {
  // The topics exist (as the services would create them), so a refusal is about rights, not absence.
  await ensureTopics(as('admin'), [KH_TH, KH_INTERNAL, KH_TH_TEST, LA_INTERNAL_TEST]);
});

describe('Kafka ACLs on the shared cluster', () => {
  it("refuses LA's principal producing to KH→TH and to KH's internal topic", async () => {
    // Refused before anything is written, so the services' real topics are safe to aim at.
    expect(await refusal(() => produce(as('LA'), KH_TH, 'from LA'))).toContain('TOPIC_AUTHORIZATION_FAILED');
    expect(await refusal(() => produce(as('LA'), KH_INTERNAL, 'from LA'))).toContain('TOPIC_AUTHORIZATION_FAILED');
  });

  it("refuses LA's principal consuming KH→TH and KH's internal topic, even in its own group", async () => {
    expect(await refusal(() => consume(as('LA'), uniqueGroupId('LA', 'acl-test'), KH_TH))).toContain('TOPIC_AUTHORIZATION_FAILED');
    expect(await refusal(() => consume(as('LA'), uniqueGroupId('LA', 'acl-test'), KH_INTERNAL))).toContain('TOPIC_AUTHORIZATION_FAILED');
  });

  it("refuses LA's principal a consumer group under KH's prefix, even on LA's own topic", async () => {
    // kafkajs reports a refused FindCoordinator only as "Failed to find group coordinator"; the
    // broker's answer is in its debug log.
    const logged: string[] = [];
    const logCreator = () => (entry: LogEntry) => logged.push(JSON.stringify(entry.log));
    const la = testKafka('acl-test-la-group', brokers, 'LA', { retry: { retries: 1, initialRetryTime: 100 }, logLevel: logLevel.DEBUG, logCreator });
    await expect(consume(la, uniqueGroupId('KH', 'acl-test'), LA_INTERNAL_TEST)).rejects.toThrow(/group coordinator/);
    expect(logged.some((line) => line.includes('GROUP_AUTHORIZATION_FAILED') || line.includes('Not authorized to access group'))).toBe(true);
    // The same principal in a group under its own prefix reads its own topic.
    const own = uniqueName('la-own');
    await produce(as('LA'), LA_INTERNAL_TEST, own);
    expect(await consume(as('LA'), uniqueGroupId('LA', 'acl-test'), LA_INTERNAL_TEST, own)).toBe(own);
  });

  it("lets KH's principal write KH→TH (idempotent producer) and TH's principal read it", async () => {
    const value = uniqueName('kh-to-th');
    await produce(as('KH'), KH_TH_TEST, value);
    expect(await consume(as('TH'), uniqueGroupId('TH', 'acl-test'), KH_TH_TEST, value)).toBe(value);
  });

  it("refuses LA's principal creating or deleting KH's topics", async () => {
    const admin = as('LA').admin();
    await admin.connect();
    try {
      const fresh = `${KH_INTERNAL}.acl-test-${uniqueName('t')}`;
      expect(await refusal(() => admin.createTopics({ topics: [{ topic: fresh, numPartitions: 1, replicationFactor: 1 }] }))).toContain('TOPIC_AUTHORIZATION_FAILED');
      expect(await refusal(() => admin.createTopics({ topics: [{ topic: corridorTopic('KH', 'TH', 'deployment') + '.acl-test', numPartitions: 1 }] }))).toContain(
        'TOPIC_AUTHORIZATION_FAILED',
      );
      expect(await refusal(() => admin.deleteTopics({ topics: [KH_TH], timeout: 5000 }))).toContain('TOPIC_AUTHORIZATION_FAILED');
      expect(await refusal(() => admin.deleteTopics({ topics: [KH_INTERNAL], timeout: 5000 }))).toContain('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await admin.disconnect();
    }
    // ...and KH, which may create its own topics, may not delete them either (only the admin may).
    const kh = as('KH').admin();
    await kh.connect();
    try {
      expect(await refusal(() => kh.deleteTopics({ topics: [KH_INTERNAL], timeout: 5000 }))).toContain('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await kh.disconnect();
    }
  });
});
