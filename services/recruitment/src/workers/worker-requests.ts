import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { NODE_COUNTRIES } from '@corridor/reference-data';
import { CONSENT_FORMS } from './register-worker.command';

export class NominateWorkerCommand {
  @ApiProperty({ example: 'TH', enum: NODE_COUNTRIES, description: 'Destination country; the corridor to it must be open' })
  @IsIn(NODE_COUNTRIES, { message: `destination must be one of ${NODE_COUNTRIES.join(', ')}` })
  destination: string;
}

export class WithdrawConsentCommand {
  @ApiProperty({ enum: CONSENT_FORMS, example: 'signed-form', description: 'How the worker withdrew consent' })
  @IsIn(CONSENT_FORMS, { message: `howGiven must be one of ${CONSENT_FORMS.join(', ')}` })
  howGiven: string;
}

/** Every read of person data states its purpose; it goes into the audit log. */
export class ReadPurposeQuery {
  @ApiProperty({ example: 'verify identity before exit clearance', description: 'Why the officer reads person data (audited)' })
  @IsString()
  @Length(3, 200)
  purpose: string;
}

export class SearchWorkersQuery extends ReadPurposeQuery {
  @ApiProperty({ example: 'Sok Dara', description: "Name in the worker's own script or in Latin transliteration; every word must match" })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
