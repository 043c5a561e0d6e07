import { ApiProperty } from '@nestjs/swagger';
import { SCHEME_KINDS } from '../shared/protection-policy';
import type { SchemeEnrolment } from './scheme-enrolment.entity';
import type { UninsuredFlag } from './uninsured-flag.entity';

export class EnrolmentView {
  @ApiProperty({ format: 'uuid' })
  enrolmentId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ enum: SCHEME_KINDS })
  kind: string;

  @ApiProperty({ example: 'TH-MOPH-MIGRANT' })
  schemeCode: string;

  @ApiProperty({ example: 'MIG-6612-000123', description: 'Decrypted for the caller' })
  memberNumber: string;

  @ApiProperty({ format: 'date' })
  coverageFrom: string;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  coverageUntil: string | null;

  @ApiProperty({ example: 'TH', description: 'The country whose officer recorded it; the other end holds a replica' })
  recordedByCountry: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export function enrolmentView(e: SchemeEnrolment, memberNumber: string): EnrolmentView {
  return {
    enrolmentId: e.id,
    journeyId: e.journeyId,
    origin: e.origin,
    destination: e.destination,
    kind: e.kind,
    schemeCode: e.schemeCode,
    memberNumber,
    coverageFrom: e.coverageFrom,
    coverageUntil: e.coverageUntil,
    recordedByCountry: e.recordedByCountry,
    recordedAt: e.recordedAt.toISOString(),
  };
}

export class SchemeView {
  @ApiProperty({ example: 'TH-SSO-33' })
  code: string;

  @ApiProperty({ enum: SCHEME_KINDS })
  kind: string;

  @ApiProperty({ example: 'Social Security Fund, section 33 (employees)' })
  name: string;
}

export class UninsuredFlagView {
  @ApiProperty({ format: 'uuid' })
  flagId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ format: 'date' })
  arrivedOn: string;

  @ApiProperty({ example: 30, description: 'The configured days after arrival' })
  daysAllowed: number;

  @ApiProperty({ format: 'date' })
  flaggedOn: string;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Set when a health-insurance enrolment cleared it' })
  clearedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  clearedByEnrolment: string | null;
}

export function uninsuredFlagView(f: UninsuredFlag): UninsuredFlagView {
  return {
    flagId: f.id,
    journeyId: f.journeyId,
    origin: f.origin,
    destination: f.destination,
    arrivedOn: f.arrivedOn,
    daysAllowed: f.daysAllowed,
    flaggedOn: f.flaggedOn,
    clearedOn: f.clearedOn,
    clearedByEnrolment: f.clearedByEnrolment,
  };
}
