import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A worker's arrival at destination, from the deployment stage's ArrivalConfirmed: the day the uninsured check counts from. */
@Entity({ name: 'arrival' })
export class Arrival {
  @PrimaryColumn({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'arrived_on', type: 'date' })
  arrivedOn: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
