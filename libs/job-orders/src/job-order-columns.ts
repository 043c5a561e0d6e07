import { Column, PrimaryColumn } from 'typeorm';
import type { JobOrderCreated } from '@corridor/events';
import type { JobOrderStatus } from '@corridor/state-machine';

/**
 * What every service that holds a job order keeps of it, whoever recorded it: recruitment (its
 * own job orders and the other end's replica) and contracts (the replica drafting reads). One
 * declaration, so the copies cannot drift apart; each entity adds its own columns.
 */
export abstract class JobOrderColumns {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

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

/** The shared columns of a job order the other end announced (JobOrderCreated): submitted, as of the event. */
export function jobOrderColumnsFrom(created: JobOrderCreated, at: Date): { [K in keyof JobOrderColumns]: JobOrderColumns[K] } {
  return {
    id: created.jobOrderId,
    origin: created.origin,
    destination: created.destination,
    status: 'submitted',
    employerName: created.employerName,
    employerRegistrationNumber: created.employerRegistrationNumber,
    workplaceProvince: created.workplaceProvince,
    occupationIsco: created.occupationIsco,
    sectorIsic: created.sectorIsic,
    wageMinor: String(created.wage?.amountMinor ?? 0n),
    wageCurrency: created.wage?.currency ?? '',
    wagePeriod: created.wagePeriod,
    hoursPerDay: created.hoursPerDay,
    contractMonths: created.contractMonths,
    updatedAt: at,
  };
}
