import type { JobOrderStatus } from '@corridor/state-machine';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A job order's state machine is the recruitment one (libs/state-machine); this copy never reaches filled. */
export type ReplicatedJobOrderStatus = JobOrderStatus;

/** This node's copy of a job order, kept from the recruitment events of its corridors. */
@Entity({ name: 'job_order_replica' })
export class JobOrderReplica {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ type: 'text' })
  status: ReplicatedJobOrderStatus;

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

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
