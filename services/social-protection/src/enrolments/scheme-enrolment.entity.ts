import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RecordedByOfficer } from '@corridor/persistence';

/** The worker's enrolment in a scheme of the destination (health insurance, social security, work injury). Both ends hold it. */
@Entity({ name: 'scheme_enrolment' })
export class SchemeEnrolment extends RecordedByOfficer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'scheme_code', type: 'text' })
  schemeCode: string;

  /** May identify the worker: encrypted at rest, sealed in the event. */
  @Column({ name: 'member_number_enc', type: 'text' })
  memberNumberEnc: string;

  @Column({ name: 'coverage_from', type: 'date' })
  coverageFrom: string;

  @Column({ name: 'coverage_until', type: 'date', nullable: true })
  coverageUntil: string | null;
}
