import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the append-only audit log: who (country, agency, officer) did what to which
 * record, when and why. Rows are only ever inserted, by `AuditTrail`, without a chain position;
 * the service's `AuditSequencer` seals them shortly after commit: `seq`, `prevHash` and `hash`
 * chain each row to the one before it so that a later change or deletion shows up in
 * `verifyAuditChain` (ADR 0020).
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_by_officer', ['actorOfficer', 'entryId'])
@Index('audit_log_by_target', ['targetType', 'targetId', 'entryId'])
@Index('audit_log_by_time', ['recordedAt'])
export class AuditEntry {
  /** Insertion order; gaps are rolled-back inserts and mean nothing. */
  @PrimaryGeneratedColumn('identity', { name: 'entry_id', type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  entryId: string;

  /** The chain position: 1, 2, 3… with no gaps, assigned by the sequencer; null until sealed. */
  @Column({ type: 'bigint', nullable: true, unique: true })
  seq: string | null;

  /** Millisecond precision on purpose: the hash covers the ISO text, which JavaScript Dates hold to the ms. */
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'actor_country', type: 'text' })
  actorCountry: string;

  @Column({ name: 'actor_agency', type: 'text', nullable: true })
  actorAgency: string | null;

  /** The officer's token subject, or a `system:` name for work no officer started. */
  @Column({ name: 'actor_officer', type: 'text' })
  actorOfficer: string;

  /** `<target type>.<verb>`, e.g. `worker.register`, `worker.read`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType: string;

  @Column({ name: 'target_id', type: 'text' })
  targetId: string;

  /** Why the officer did it; reads of person data need a purpose as much as writes. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'char', length: 64, unique: true, nullable: true })
  hash: string | null;
}
