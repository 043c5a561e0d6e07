import type { Admin, Kafka } from 'kafkajs';

/** Answers "is the broker serving?" with a real metadata round trip, bounded in time. */
export class KafkaHealth {
  readonly name = 'kafka';
  private admin: Admin | undefined;

  constructor(private readonly kafka: Kafka) {}

  async check(timeoutMs = 2000): Promise<{ up: boolean; brokers?: number; error?: string }> {
    try {
      const cluster = await withTimeout(this.describe(), timeoutMs);
      return { up: true, brokers: cluster.brokers.length };
    } catch (error) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return { up: false, error: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  private async describe() {
    if (!this.admin) {
      this.admin = this.kafka.admin({ retry: { retries: 0 } });
      await this.admin.connect();
    }
    return this.admin.describeCluster();
  }
}

/** The promise, or a rejection naming Kafka when it takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from Kafka within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
