import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateRangePageQuery } from '@corridor/http';

/** Topics of pre-departure orientation (the GMS PDO curricula cover these). */
export const ORIENTATION_TOPICS = [
  'rights-and-obligations',
  'employment-contract',
  'fees-and-debt',
  'remittances-and-financial-literacy',
  'culture-and-language',
  'occupational-safety-and-health',
  'health-and-hiv',
  'trafficking-and-forced-labour',
  'grievance-and-help-lines',
  'social-protection',
  'return-and-reintegration',
] as const;

export class ScheduleOrientationCommand {
  @ApiProperty({ example: '2026-11-30', description: 'Calendar date of the session, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn must be a date as YYYY-MM-DD' })
  heldOn: string;

  @ApiProperty({ example: 'Migrant Worker Resource Centre, Battambang' })
  @IsString()
  @Length(2, 300)
  place: string;

  @ApiProperty({ enum: ORIENTATION_TOPICS, isArray: true, example: ['rights-and-obligations', 'employment-contract', 'fees-and-debt'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORIENTATION_TOPICS.length)
  @IsIn(ORIENTATION_TOPICS, { each: true, message: `each topic must be one of ${ORIENTATION_TOPICS.join(', ')}` })
  topics: string[];
}

export class RecordAttendanceCommand {
  @ApiProperty({ description: 'A matched worker of this node (an agency: one of its own)' })
  @IsUUID('all', { message: 'workerId must be a UUID' })
  workerId: string;
}

export class ListSessionsQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ enum: ['scheduled', 'completed', 'cancelled'] })
  @IsOptional()
  @IsIn(['scheduled', 'completed', 'cancelled'])
  status?: string;

  @ApiPropertyOptional({ description: 'Only sessions of this agency (ministry officers)' })
  @IsOptional()
  @IsUUID('all')
  agency?: string;
}
