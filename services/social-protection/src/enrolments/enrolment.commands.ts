import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateRangePageQuery } from '@corridor/http';
import { JourneyCorridorFields } from '../shared/journey-corridor';
import { SCHEME_KINDS } from '../shared/protection-policy';

export class RecordEnrolmentCommand extends JourneyCorridorFields {
  @ApiProperty({ example: 'TH-MOPH-MIGRANT', description: "A scheme of the destination's list (GET /api/v1/schemes?destination=TH)" })
  @Matches(/^[A-Z0-9-]{2,40}$/, { message: 'schemeCode must be a scheme code like TH-SSO-33' })
  schemeCode: string;

  @ApiProperty({ example: 'MIG-6612-000123', description: 'The member or card number (encrypted at rest, sealed in the event)' })
  @IsString()
  @Length(1, 64)
  memberNumber: string;

  @ApiProperty({ example: '2026-12-01', description: 'First day of coverage, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'coverageFrom must be a date as YYYY-MM-DD' })
  coverageFrom: string;

  @ApiPropertyOptional({ example: '2027-11-30', description: 'Last day of coverage, YYYY-MM-DD; none when open-ended' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'coverageUntil must be a date as YYYY-MM-DD' })
  coverageUntil?: string;
}

export class ListEnrolmentsQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;

  @ApiPropertyOptional({ enum: SCHEME_KINDS })
  @IsOptional()
  @IsIn(SCHEME_KINDS, { message: `kind must be one of ${SCHEME_KINDS.join(', ')}` })
  kind?: string;
}

export class ListSchemesQuery {
  @ApiProperty({ example: 'TH', description: 'The destination whose schemes to list' })
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'destination must be a country code like TH' })
  destination: string;
}

export class ListUninsuredFlagsQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;

  @ApiPropertyOptional({ enum: ['raised', 'cleared'], description: 'Only flags still raised, or only cleared ones' })
  @IsOptional()
  @IsIn(['raised', 'cleared'], { message: 'status must be raised or cleared' })
  status?: 'raised' | 'cleared';
}
