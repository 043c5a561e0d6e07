import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An event a consumer group has already applied; its presence makes a redelivery a no-op. */
@Entity({ name: 'inbox' })
export class InboxRecord {
  @PrimaryColumn({ name: 'consumer_group' })
  consumerGroup: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
