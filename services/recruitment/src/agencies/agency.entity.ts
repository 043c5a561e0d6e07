import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyStatus } from '@corridor/state-machine';

/** A recruitment agency licensed by this (origin) node's ministry. */
@Entity({ name: 'agency' })
export class Agency {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'licence_number', type: 'text', unique: true })
  licenceNumber: string;

  @Column({ name: 'licence_valid_from', type: 'date' })
  licenceValidFrom: string;

  @Column({ name: 'licence_valid_to', type: 'date' })
  licenceValidTo: string;

  @Column({ type: 'text' })
  status: AgencyStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz' })
  statusChangedAt: Date;

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
