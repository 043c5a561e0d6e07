import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A note on a welfare case (encrypted at rest), from either end. */
@Entity({ name: 'welfare_note' })
export class WelfareNote {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'text_enc', type: 'text' })
  textEnc: string;

  @Column({ name: 'noted_on', type: 'date' })
  notedOn: string;

  @Column({ name: 'by_country', type: 'text' })
  byCountry: string;

  @Column({ name: 'by_officer', type: 'text' })
  byOfficer: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
