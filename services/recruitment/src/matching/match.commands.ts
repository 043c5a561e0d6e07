import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DateRangePageQuery } from '@corridor/http';

export class MatchWorkerCommand {
  @ApiProperty({ example: '0193a1b2-…', description: 'A worker registered on this node (an agency: one of its own)' })
  @IsUUID('all', { message: 'workerId must be a UUID' })
  workerId: string;
}

export class ListMatchesQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ enum: ['matched', 'orientation-completed'] })
  @IsOptional()
  @IsIn(['matched', 'orientation-completed'])
  status?: string;

  @ApiPropertyOptional({ description: 'Only matches of this job order' })
  @IsOptional()
  @IsUUID('all')
  jobOrderId?: string;

  @ApiPropertyOptional({ description: 'Only workers of this agency (ministry officers; agency staff always see their own only)' })
  @IsOptional()
  @IsUUID('all')
  agency?: string;

  @ApiPropertyOptional({ enum: ['fee-breach'], description: 'Only journeys with an open blocking flag of this kind' })
  @IsOptional()
  @IsIn(['fee-breach'])
  openFlag?: 'fee-breach';
}
