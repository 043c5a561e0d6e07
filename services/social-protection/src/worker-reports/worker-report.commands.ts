import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { GRIEVANCE_CATEGORIES } from '../shared/protection-policy';

const COUNTRY = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** What a worker (or a family member) tells the portal, without an account. */
export class FileWorkerReportCommand {
  @ApiProperty({ example: 'KH', description: 'The country the worker left' })
  @Matches(COUNTRY, { message: 'origin must be a country code like KH' })
  origin: string;

  @ApiProperty({ example: 'TH', description: 'The country the worker went to (its officers handle the grievance)' })
  @Matches(COUNTRY, { message: 'destination must be a country code like TH' })
  destination: string;

  @ApiProperty({ enum: GRIEVANCE_CATEGORIES, example: 'unpaid-wages' })
  @IsIn(GRIEVANCE_CATEGORIES, { message: `category must be one of ${GRIEVANCE_CATEGORIES.join(', ')}` })
  category: string;

  @ApiProperty({ example: 'No wages for two months; the employer keeps my passport.', description: 'What happened (10 to 2000 characters)' })
  @IsString()
  @Length(10, 2000)
  whatHappened: string;

  @ApiProperty({ example: 'A fish-processing plant in Samut Sakhon', description: 'Where (2 to 200 characters)' })
  @IsString()
  @Length(2, 200)
  where: string;

  @ApiPropertyOptional({ example: '+66 81 234 5678', description: 'How officers may reach the worker, if at all' })
  @IsOptional()
  @IsString()
  @Length(3, 200)
  contact?: string;
}

export class WorkerReportFiledView {
  @ApiProperty({ example: 'KH-7K3MQ9TD', description: 'The grievance’s public reference' }) reference: string;
  @ApiProperty({ example: 'H4KX-9PQM-2RTV-7WCE', description: 'Shown once: with the reference, the only way to follow the grievance' }) secret: string;
  @ApiProperty({ example: 'open' }) status: string;
  @ApiProperty({ example: '2026-12-04' }) filedOn: string;
}

/** Status only: never the officers' notes, names or steps. */
export class WorkerReportStatusView {
  @ApiProperty({ example: 'KH-7K3MQ9TD' }) reference: string;
  @ApiProperty({ enum: ['open', 'under-investigation', 'referred', 'resolved', 'closed'] }) status: string;
  @ApiProperty({ example: '2026-12-04' }) filedOn: string;
  @ApiProperty({ example: '2026-12-06', description: 'The day of the last step' }) lastChangedOn: string;
}
