import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { DateRangePageQuery, IsCurrencyCode, MAX_AMOUNT_MINOR } from '@corridor/http';
import { GRIEVANCE_STATUSES } from '@corridor/state-machine';
import { JourneyCorridorFields } from '../shared/journey-corridor';
import { GRIEVANCE_CATEGORIES } from '../shared/protection-policy';

export const GRIEVANCE_OUTCOMES = ['upheld-paid', 'upheld-unpaid', 'settled', 'not-upheld', 'withdrawn'] as const;
export const CLOSE_REASONS = ['resolved', 'withdrawn', 'duplicate', 'no-contact'] as const;
export const REFERRAL_TARGETS = ['labour-court', 'labour-inspection', 'police', 'embassy', 'ngo', 'employer-mediation', 'other'] as const;

export class FileGrievanceCommand extends JourneyCorridorFields {
  @ApiProperty({ enum: GRIEVANCE_CATEGORIES, example: 'unpaid-wages' })
  @IsIn(GRIEVANCE_CATEGORIES, { message: `category must be one of ${GRIEVANCE_CATEGORIES.join(', ')}` })
  category: string;

  @ApiProperty({ example: 'Wages for October and November not paid; employer holds the passport.', description: 'What happened; may name people (encrypted at rest, sealed for the other end in the event)' })
  @IsString()
  @Length(10, 4000)
  description: string;

  @ApiProperty({ example: '2026-12-01', description: 'The day it was filed, YYYY-MM-DD; not in the future. The deadline counts from it' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'filedOn must be a date as YYYY-MM-DD' })
  filedOn: string;
}

export class AssignGrievanceCommand {
  @ApiProperty({ example: 'officer-th-7', description: 'The officer (token subject) of the handling country who takes the grievance' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:@-]{1,128}$/, { message: 'assignee must be an officer id (1-128 of A-Z a-z 0-9 . _ : @ -)' })
  assignee: string;
}

export class ChangeGrievanceStatusCommand {
  @ApiProperty({ enum: ['under-investigation', 'referred'], example: 'under-investigation', description: 'The next status; resolution and closure have their own routes' })
  @IsIn(['under-investigation', 'referred'], { message: 'status must be under-investigation or referred (resolve and close have their own routes)' })
  status: 'under-investigation' | 'referred';

  @ApiPropertyOptional({ enum: REFERRAL_TARGETS, example: 'labour-court', description: 'Where it is referred; required with status referred' })
  @IsOptional()
  @IsIn(REFERRAL_TARGETS, { message: `referredTo must be one of ${REFERRAL_TARGETS.join(', ')}` })
  referredTo?: string;

  @ApiPropertyOptional({ example: 'Employer summoned for 10 December.', description: 'A note for both ends (encrypted, sealed in the event)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiProperty({ example: '2026-12-02', description: 'The day of the change, YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'changedOn must be a date as YYYY-MM-DD' })
  changedOn: string;
}

export class ResolveGrievanceCommand {
  @ApiProperty({ enum: GRIEVANCE_OUTCOMES, example: 'upheld-paid' })
  @IsIn(GRIEVANCE_OUTCOMES, { message: `outcome must be one of ${GRIEVANCE_OUTCOMES.join(', ')}` })
  outcome: string;

  @ApiProperty({ example: 1250000, description: 'Recovered for the worker, in minor units (12,500.00 THB = 1250000); 0 when nothing', minimum: 0, maximum: MAX_AMOUNT_MINOR })
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  amountRecoveredMinor: number;

  @ApiProperty({ example: 'THB', description: 'ISO 4217' })
  @IsCurrencyCode('currency')
  currency: string;

  @ApiProperty({ example: '2026-12-10', description: 'YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'resolvedOn must be a date as YYYY-MM-DD' })
  resolvedOn: string;

  @ApiPropertyOptional({ example: 'Employer paid the arrears at the labour office.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class CloseGrievanceCommand {
  @ApiProperty({ enum: CLOSE_REASONS, example: 'resolved', description: 'resolved once resolved; withdrawn, duplicate or no-contact before' })
  @IsIn(CLOSE_REASONS, { message: `reason must be one of ${CLOSE_REASONS.join(', ')}` })
  reason: string;

  @ApiProperty({ example: '2026-12-11', description: 'YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'closedOn must be a date as YYYY-MM-DD' })
  closedOn: string;
}

export class ListGrievancesQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;

  @ApiPropertyOptional({ enum: GRIEVANCE_STATUSES })
  @IsOptional()
  @IsIn(GRIEVANCE_STATUSES, { message: `status must be one of ${GRIEVANCE_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: GRIEVANCE_CATEGORIES })
  @IsOptional()
  @IsIn(GRIEVANCE_CATEGORIES, { message: `category must be one of ${GRIEVANCE_CATEGORIES.join(', ')}` })
  category?: string;

  @ApiPropertyOptional({ enum: ['overdue', 'escalated'], description: 'Only overdue grievances, or only those escalated to the supervisors' })
  @IsOptional()
  @IsIn(['overdue', 'escalated'], { message: 'flag must be overdue or escalated' })
  flag?: 'overdue' | 'escalated';

  @ApiPropertyOptional({ example: 'officer-th-7', description: 'Only those assigned to this officer' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:@-]{1,128}$/, { message: 'assignee must be an officer id' })
  assignee?: string;
}
