import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateRangePageQuery } from '@corridor/http';
import { WELFARE_CASE_STATUSES } from '@corridor/state-machine';
import { JourneyCorridorFields } from '../shared/journey-corridor';
import { WELFARE_KINDS } from '../shared/wire';

export const WELFARE_REFERRALS = ['shelter', 'hospital', 'legal-aid', 'embassy', 'ngo', 'other'] as const;
export const WELFARE_OUTCOMES = ['resolved', 'referred-on', 'repatriated', 'no-contact'] as const;

export class OpenWelfareCaseCommand extends JourneyCorridorFields {
  @ApiProperty({ enum: WELFARE_KINDS, example: 'health' })
  @IsIn(WELFARE_KINDS, { message: `kind must be one of ${WELFARE_KINDS.join(', ')}` })
  kind: string;

  @ApiProperty({ example: 'Hand injury at the factory; needs follow-up at the provincial hospital.', description: 'What the case is about (encrypted, sealed in the event)' })
  @IsString()
  @Length(3, 4000)
  summary: string;

  @ApiProperty({ example: '2026-12-02', description: 'YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'openedOn must be a date as YYYY-MM-DD' })
  openedOn: string;
}

export class AddWelfareNoteCommand {
  @ApiProperty({ example: 'Visited at the hospital; stitches removed.', description: 'Encrypted, sealed in the event' })
  @IsString()
  @Length(1, 4000)
  text: string;

  @ApiProperty({ example: '2026-12-04', description: 'YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'notedOn must be a date as YYYY-MM-DD' })
  notedOn: string;
}

export class ReferWelfareCaseCommand {
  @ApiProperty({ enum: WELFARE_REFERRALS, example: 'hospital' })
  @IsIn(WELFARE_REFERRALS, { message: `referredTo must be one of ${WELFARE_REFERRALS.join(', ')}` })
  referredTo: string;

  @ApiProperty({ example: '2026-12-03', description: 'YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'referredOn must be a date as YYYY-MM-DD' })
  referredOn: string;
}

export class CloseWelfareCaseCommand {
  @ApiProperty({ enum: WELFARE_OUTCOMES, example: 'resolved' })
  @IsIn(WELFARE_OUTCOMES, { message: `outcome must be one of ${WELFARE_OUTCOMES.join(', ')}` })
  outcome: string;

  @ApiProperty({ example: '2026-12-10', description: 'YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'closedOn must be a date as YYYY-MM-DD' })
  closedOn: string;
}

export class ListWelfareCasesQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;

  @ApiPropertyOptional({ enum: WELFARE_CASE_STATUSES })
  @IsOptional()
  @IsIn(WELFARE_CASE_STATUSES, { message: `status must be one of ${WELFARE_CASE_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: WELFARE_KINDS })
  @IsOptional()
  @IsIn(WELFARE_KINDS, { message: `kind must be one of ${WELFARE_KINDS.join(', ')}` })
  kind?: string;
}
