import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AgencyStatus } from '@corridor/state-machine';

/**
 * The public register's copy of a licensed agency, projected from the recruitment stage's Agency*
 * events: only what the licence says (name, number, validity, status and since when), never who
 * registered it or why it was suspended.
 */
@Entity({ name: 'public_agency' })
export class PublicAgency {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) name: string;
  @Index('public_agency_by_licence', { unique: true })
  @Column({ name: 'licence_number', type: 'text' })
  licenceNumber: string;
  @Column({ name: 'licence_valid_from', type: 'date' }) licenceValidFrom: string;
  @Column({ name: 'licence_valid_to', type: 'date' }) licenceValidTo: string;
  @Column({ type: 'text' }) status: AgencyStatus;
  /** The day of the suspension or revocation in force; null while licensed. */
  @Column({ name: 'status_since', type: 'date', nullable: true }) statusSince: string | null;
  @Column({ name: 'last_event_id', type: 'uuid' }) lastEventId: string;
}
