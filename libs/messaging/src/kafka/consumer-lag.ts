import type { Admin, Kafka } from 'kafkajs';
import { deadLetterTopic } from '@corridor/events';
import type { TopicConsumption } from '@corridor/metrics';
import { withTimeout } from './kafka-health';

/**
 * Reads, per consumed topic, how far a consumer group is behind (end offset minus committed
 * offset, over every partition; a partition the group never committed counts from its start)
 * and how many records wait in the topic's dead-letter topic. One admin client, kept between reads.
 */
export class ConsumerLagProbe {
  private admin: Admin | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly topics: string[],
  ) {}

  async read(timeoutMs = 2000): Promise<TopicConsumption[]> {
    try {
      return await withTimeout(this.readOnce(), timeoutMs);
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async readOnce(): Promise<TopicConsumption[]> {
    if (!this.admin) {
      this.admin = this.kafka.admin({ retry: { retries: 0 } });
      await this.admin.connect();
    }
    const admin = this.admin;
    const committed = await admin.fetchOffsets({ groupId: this.groupId, topics: this.topics });
    return Promise.all(
      this.topics.map(async (topic) => {
        const ends = await admin.fetchTopicOffsets(topic);
        const done = new Map((committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
        const lag = ends.reduce((sum, p) => {
          const at = done.get(p.partition) ?? -1;
          return sum + Math.max(0, Number(p.high) - (at >= 0 ? at : Number(p.low)));
        }, 0);
        const dlq = await admin.fetchTopicOffsets(deadLetterTopic(topic)).catch(() => []);
        const deadLetters = dlq.reduce((sum, p) => sum + Math.max(0, Number(p.high) - Number(p.low)), 0);
        return { topic, lag, deadLetters };
      }),
    );
  }
}
