import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WorseTerm } from './substitution-detector';

export const SUBSTITUTION_SOURCES = ['amendment', 'destination-registration', 'employer-change'] as const;
export type SubstitutionSource = (typeof SUBSTITUTION_SOURCES)[number];

@Entity({ name: 'substitution_flag' })
export class SubstitutionFlag {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  source: SubstitutionSource;

  @Column({ name: 'verified_version', type: 'int' })
  verifiedVersion: number;

  @Column({ name: 'compared_version', type: 'int', nullable: true })
  comparedVersion: number | null;

  @Column({ name: 'registration_id', type: 'uuid', nullable: true })
  registrationId: string | null;

  @Column({ name: 'changed_terms', type: 'jsonb' })
  changedTerms: WorseTerm[];

  @Column({ name: 'blocks_departure', type: 'boolean' })
  blocksDeparture: boolean;

  @Column({ type: 'text' })
  status: 'open' | 'resolved';

  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason: string | null;

  @Column({ name: 'raised_by_country', type: 'text' })
  raisedByCountry: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
