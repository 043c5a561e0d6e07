/**
 * What a Kafka broker holds, to show that a test run leaves the platform's broker alone
 * (tools/test.sh takes one before and one after the suites; see docs/testing.md):
 *
 *   broker-snapshot.ts take <file>              writes the snapshot of the broker at KAFKA_BROKERS
 *                                               (as the admin of KAFKA_CREDENTIALS_FILE / KAFKA_DATA_DIR)
 *   broker-snapshot.ts compare <before> <after> prints what changed; exit 1 if the run touched it
 *
 * A snapshot is the cluster id, every topic's end offset per partition and every consumer group
 * with its member count.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { KAFKA_ADMIN_PRINCIPAL, kafkaCredentialsFile, kafkaSaslFromFile } from '@corridor/config';

export interface BrokerSnapshot {
  clusterId: string;
  /** topic -> partition -> end offset (high watermark). */
  topics: Record<string, Record<string, string>>;
  /** group id -> members connected when the snapshot was taken. */
  groups: Record<string, number>;
}

export interface SnapshotComparison {
  /** Changes a test run would have made: new or removed topics or groups, records added. */
  touched: string[];
  /** Why end offsets were not compared, when they were not. */
  notCompared?: string;
}

/**
 * New or removed topics and groups always count. End offsets count only while no consumer group
 * had members in either snapshot: a running platform (npm start, the demo) moves its own offsets,
 * and those changes cannot be told from a test's.
 */
export function compareSnapshots(before: BrokerSnapshot, after: BrokerSnapshot): SnapshotComparison {
  const touched: string[] = [];
  if (before.clusterId !== after.clusterId) touched.push(`cluster id ${before.clusterId} -> ${after.clusterId}`);
  const added = (a: object, b: object) => Object.keys(b).filter((k) => !(k in a));
  for (const topic of added(before.topics, after.topics)) touched.push(`topic created: ${topic}`);
  for (const topic of added(after.topics, before.topics)) touched.push(`topic deleted: ${topic}`);
  for (const group of added(before.groups, after.groups)) touched.push(`consumer group created: ${group}`);
  const active = [...Object.entries(before.groups), ...Object.entries(after.groups)].filter(([, members]) => members > 0).map(([group]) => group);
  if (active.length) {
    return { touched, notCompared: `end offsets not compared: consumer group(s) ${[...new Set(active)].sort().join(', ')} had members (the platform runs)` };
  }
  for (const [topic, partitions] of Object.entries(after.topics)) {
    for (const [partition, end] of Object.entries(partitions)) {
      const was = before.topics[topic]?.[partition];
      if (was !== undefined && was !== end) touched.push(`records added to ${topic}[${partition}]: end offset ${was} -> ${end}`);
    }
  }
  return { touched };
}

async function take(): Promise<BrokerSnapshot> {
  const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`).split(',');
  const sasl = kafkaSaslFromFile(kafkaCredentialsFile(), KAFKA_ADMIN_PRINCIPAL);
  const admin = new Kafka({ clientId: 'broker-snapshot', brokers, logLevel: logLevel.NOTHING, ...(sasl ? { sasl } : {}), retry: { retries: 3 } }).admin();
  await admin.connect();
  try {
    const { clusterId } = await admin.describeCluster();
    const names = (await admin.listTopics()).filter((t) => !t.startsWith('__')).sort();
    const topics: BrokerSnapshot['topics'] = {};
    for (const topic of names) {
      topics[topic] = Object.fromEntries((await admin.fetchTopicOffsets(topic)).map((o) => [String(o.partition), o.high]));
    }
    const ids = (await admin.listGroups()).groups.map((g) => g.groupId).sort();
    const described = ids.length ? (await admin.describeGroups(ids)).groups : [];
    const groups = Object.fromEntries(described.map((g) => [g.groupId, g.members.length]));
    return { clusterId, topics, groups };
  } finally {
    await admin.disconnect();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...files] = argv;
  if (command === 'take' && files.length === 1) {
    writeFileSync(files[0], JSON.stringify(await take(), null, 2));
    return 0;
  }
  if (command === 'compare' && files.length === 2) {
    const [before, after] = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as BrokerSnapshot);
    const { touched, notCompared } = compareSnapshots(before, after);
    const topics = Object.keys(after.topics).length;
    if (notCompared) console.log(`[platform kafka] ${notCompared}`);
    if (touched.length) {
      console.error(`[platform kafka] the test run changed the platform's broker (cluster ${before.clusterId}):\n  ${touched.join('\n  ')}`);
      return 1;
    }
    const same = notCompared ? 'no topic or consumer group created or deleted' : 'same topics, end offsets and consumer groups';
    console.log(`[platform kafka] untouched by the test run: cluster ${after.clusterId}, ${topics} topics, ${same}`);
    return 0;
  }
  console.error('usage: broker-snapshot.ts take <file> | compare <before> <after>');
  return 64;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`[platform kafka] ${error.message}`);
      process.exit(1);
    },
  );
}
