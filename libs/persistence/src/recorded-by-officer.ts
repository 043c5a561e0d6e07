import { Column } from 'typeorm';

/**
 * The columns of a row that an officer recorded (a signature, an enrolment, a remittance...):
 * who, for which country, and when. Entities extend it so every such table names them alike.
 */
export abstract class RecordedByOfficer {
  @Column({ name: 'recorded_by_country', type: 'text' })
  recordedByCountry: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
