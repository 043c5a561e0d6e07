import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '@corridor/http';
import { DIMENSIONS } from '../scoring/sustainability-instrument';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date as YYYY-MM-DD` });

export class ScoredAnswersCommand {
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE, dateMessage('heldOn')) heldOn: string;
  @ApiProperty({
    description: 'indicator code → answer code on its scale, or "refused" / "unknown" (docs/sustainability-score.md); indicators left out count as unknown',
    example: { 'econ.income-sufficiency': 'poor', 'social.network': 'yes', 'psy.distress': 'often' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsObject()
  answers: Record<string, string>;
}

export class FollowUpCommand extends ScoredAnswersCommand {
  @ApiPropertyOptional({ format: 'uuid', description: 'The scheduled follow-up this one is; leave out for an unscheduled one' })
  @IsOptional()
  @IsUUID()
  followUpId?: string;
}

export class PlanGoalInput {
  @ApiProperty({ enum: DIMENSIONS }) @IsIn(DIMENSIONS) dimension: string;
  @ApiProperty({ example: 'certified as a welder' }) @IsString() @Length(3, 300) description: string;
  @ApiProperty({ example: '2027-03-31' }) @Matches(DATE, dateMessage('targetDate')) targetDate: string;
}

export class RecordPlanCommand {
  @ApiProperty({ type: [PlanGoalInput] })
  @ValidateNested({ each: true })
  @Type(() => PlanGoalInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  goals: PlanGoalInput[];
}

export class SendReferralCommand {
  @ApiProperty({ format: 'uuid' }) @IsUUID() providerId: string;
  @ApiProperty({ example: 'welding course with certificate' }) @IsString() @Length(3, 300) need: string;
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE, dateMessage('sentOn')) sentOn: string;
}

export class ChangeReferralStatusCommand {
  @ApiProperty({ enum: ['accepted', 'declined', 'completed'] }) @IsIn(['accepted', 'declined', 'completed']) status: 'accepted' | 'declined' | 'completed';
  @ApiProperty({ example: '2026-12-02' }) @Matches(DATE, dateMessage('changedOn')) changedOn: string;
  @ApiPropertyOptional({ example: 'place in the January intake' }) @IsOptional() @IsString() @Length(1, 300) reason?: string;
}

export class RecordServiceCommand {
  @ApiPropertyOptional({ format: 'uuid', description: 'The referral it was delivered through' }) @IsOptional() @IsUUID() referralId?: string;
  @ApiPropertyOptional({ enum: ['employment-services', 'skills-training', 'health', 'psychosocial-support', 'financial-counselling', 'legal-aid'], description: 'Required without a referral' })
  @IsOptional()
  @IsIn(['employment-services', 'skills-training', 'health', 'psychosocial-support', 'financial-counselling', 'legal-aid'])
  serviceType?: string;
  @ApiProperty({ example: '2026-12-20' }) @Matches(DATE, dateMessage('deliveredOn')) deliveredOn: string;
  @ApiProperty({ example: 'four-week welding course completed, certificate level 1' }) @IsString() @Length(3, 300) description: string;
}

export class ScheduleFollowUpCommand {
  @ApiProperty({ example: '2027-01-15' }) @Matches(DATE, dateMessage('dueOn')) dueOn: string;
}

export const CLOSE_REASONS = ['reintegrated', 're-migrated', 'unreachable', 'declined-support', 'deceased', 'transferred'] as const;

export class CloseCaseCommand {
  @ApiProperty({ enum: CLOSE_REASONS }) @IsIn(CLOSE_REASONS) reason: (typeof CLOSE_REASONS)[number];
  @ApiProperty({ example: '2027-02-01' }) @Matches(DATE, dateMessage('closedOn')) closedOn: string;
  @ApiPropertyOptional({ example: 'employed as a welder since January' }) @IsOptional() @IsString() @Length(1, 300) note?: string;
}

export class ReopenCaseCommand {
  @ApiProperty({ example: '2027-03-01' }) @Matches(DATE, dateMessage('reopenedOn')) reopenedOn: string;
  @ApiProperty({ example: 'lost the job, asks for support again' }) @IsString() @Length(3, 300) reason: string;
}

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'assessed', 'planned', 'closed'] }) @IsOptional() @IsIn(['open', 'assessed', 'planned', 'closed']) status?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() journeyId?: string;
}

export class WorkQueueQuery extends PageQuery {
  @ApiPropertyOptional({ example: 14, default: 14, description: 'A case without assessment this many days after it opened is due' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  assessmentDays?: number;

  @ApiPropertyOptional({ example: 14, default: 14, description: 'A referral sent or accepted this many days ago without a later step is stuck' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  referralDays?: number;

  @ApiPropertyOptional({ example: '2026-12-03', description: 'The day the queue is for (default today)' })
  @IsOptional()
  @Matches(DATE, dateMessage('on'))
  on?: string;
}
