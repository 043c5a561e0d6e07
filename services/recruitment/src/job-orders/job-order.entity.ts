import type { JobOrderStatus } from '@corridor/state-machine';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type { JobOrderStatus };

/**
 * A demand letter of a destination employer. Both ends of the corridor hold the same job order:
 * the node that recorded it (authored_by) and a replica on the other node, kept by events.
 */
@Entity({ name: 'job_order' })
export class JobOrder {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'authored_by', type: 'text' })
  authoredBy: string;

  @Column({ type: 'text' })
  status: JobOrderStatus;

  @Column({ name: 'employer_name', type: 'text' })
  employerName: string;

  @Column({ name: 'employer_registration_number', type: 'text' })
  employerRegistrationNumber: string;

  @Column({ name: 'workplace_province', type: 'text' })
  workplaceProvince: string;

  @Column({ name: 'occupation_isco', type: 'text' })
  occupationIsco: string;

  @Column({ name: 'sector_isic', type: 'text' })
  sectorIsic: string;

  @Column({ name: 'workers_requested', type: 'int' })
  workersRequested: number;

  @Column({ name: 'workers_matched', type: 'int', default: 0 })
  workersMatched: number;

  /** bigint: pg hands it over as a string. */
  @Column({ name: 'wage_minor', type: 'bigint' })
  wageMinor: string;

  @Column({ name: 'wage_currency', type: 'text' })
  wageCurrency: string;

  @Column({ name: 'wage_period', type: 'text' })
  wagePeriod: string;

  @Column({ name: 'hours_per_day', type: 'int' })
  hoursPerDay: number;

  @Column({ name: 'contract_months', type: 'int' })
  contractMonths: number;

  @Column({ type: 'text', array: true })
  benefits: string[];

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
