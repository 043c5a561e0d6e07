import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event waiting to be published, written in the same transaction as the change it announces. */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished', ['id'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** Insertion order is publication order. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId: string;

  @Column({ name: 'event_type' })
  eventType: string;

  @Column()
  topic: string;

  /** The journey id: all events of one journey land in one partition, in order. */
  @Column({ name: 'record_key' })
  recordKey: string;

  @Column({ name: 'correlation_id' })
  correlationId: string;

  /** Empty unless another event caused this one. */
  @Column({ name: 'causation_id', default: '' })
  causationId: string;

  /** W3C traceparent of the span that published it. */
  @Column({ default: '' })
  traceparent: string;

  @Column({ type: 'bytea' })
  payload: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'publish_attempts', type: 'int', default: 0 })
  publishAttempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
