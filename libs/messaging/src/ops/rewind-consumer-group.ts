import type { Kafka } from 'kafkajs';

export interface RewoundPartition {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Moves a stopped consumer group back to the first record at or after `to` on every partition of
 * `topics` (the end where none is that recent). After a database is restored from a dump taken at
 * `to`, its consumer reads again what it consumed since: what the dump holds is skipped by the
 * inbox, what it lost is applied again. Kafka refuses while the group has members: stop the
 * service first. The same as `kafka-consumer-groups.sh --reset-offsets --to-datetime … --execute`.
 */
export async function rewindConsumerGroup(kafka: Kafka, groupId: string, topics: string[], to: Date): Promise<RewoundPartition[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const rewound: RewoundPartition[] = [];
    for (const topic of topics) {
      const partitions = await admin.fetchTopicOffsetsByTimestamp(topic, to.getTime());
      await admin.setOffsets({ groupId, topic, partitions: partitions.map(({ partition, offset }) => ({ partition, offset })) });
      rewound.push(...partitions.map(({ partition, offset }) => ({ topic, partition, offset })));
    }
    return rewound;
  } finally {
    await admin.disconnect();
  }
}
