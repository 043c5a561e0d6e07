import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A job order as JobOrderCreated described it: the sector (ISIC Rev.4) of the journeys matched to it. */
@Entity({ name: 'job_order_fact' })
export class JobOrderFactRow {
  @PrimaryColumn({ name: 'job_order_id', type: 'uuid' }) jobOrderId: string;
  @Column({ name: 'sector_isic', type: 'text' }) sectorIsic: string;
  @Column({ name: 'occupation_isco', type: 'text' }) occupationIsco: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
}
