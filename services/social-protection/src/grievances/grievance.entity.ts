import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GrievanceStatus } from '@corridor/state-machine';

/**
 * A grievance filed for a worker by an officer of either end of the corridor. Both ends hold it:
 * the filing node, and the other from its event; the handling country (the destination) moves it,
 * the other end follows its events. The description may hold person data: encrypted at rest.
 */
@Entity({ name: 'grievance' })
export class Grievance {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'handling_country', type: 'text' })
  handlingCountry: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ name: 'description_enc', type: 'text' })
  descriptionEnc: string;

  /** The country whose officer filed it. */
  @Column({ name: 'filed_by_country', type: 'text' })
  filedByCountry: string;

  @Column({ name: 'filed_by', type: 'text' })
  filedBy: string;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn: string;

  @Column({ name: 'deadline_on', type: 'date' })
  deadlineOn: string;

  @Column({ type: 'text' })
  status: GrievanceStatus;

  @Column({ type: 'text', nullable: true })
  assignee: string | null;

  @Column({ name: 'referred_to', type: 'text', nullable: true })
  referredTo: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'recovered_minor', type: 'bigint', nullable: true })
  recoveredMinor: string | null;

  @Column({ name: 'recovered_currency', type: 'text', nullable: true })
  recoveredCurrency: string | null;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;

  /** Set once by the overdue check (or from its event): the flag is raised once per grievance. */
  @Column({ name: 'overdue_flag_id', type: 'uuid', nullable: true })
  overdueFlagId: string | null;

  @Column({ name: 'overdue_on', type: 'date', nullable: true })
  overdueOn: string | null;

  /** Set once when the overdue grievance went to the supervisors' queue. */
  @Column({ name: 'escalated_on', type: 'date', nullable: true })
  escalatedOn: string | null;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt: Date;
}

/** A grievance as it is filed, at either end: open, nobody's yet, nothing decided, flagged or escalated. */
export const AS_FILED = {
  status: 'open',
  assignee: null,
  referredTo: null,
  outcome: null,
  recoveredMinor: null,
  recoveredCurrency: null,
  resolvedOn: null,
  closedOn: null,
  closeReason: null,
  overdueFlagId: null,
  overdueOn: null,
  escalatedOn: null,
} as const satisfies Partial<Grievance>;
