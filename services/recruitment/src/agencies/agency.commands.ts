import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DateRangePageQuery } from '@corridor/http';

export class RegisterAgencyCommand {
  @ApiProperty({ example: 'Mekong Manpower Co., Ltd.' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ example: 'MOLVT-RA-2026-0042', description: "The ministry's licence number (unique)" })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9/.-]{2,59}$/, { message: 'licenceNumber must be 3 to 60 letters, digits, "/", "." or "-"' })
  licenceNumber: string;

  @ApiProperty({ example: '2026-01-01', description: 'First day the licence is valid, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'licenceValidFrom must be a date as YYYY-MM-DD' })
  licenceValidFrom: string;

  @ApiProperty({ example: '2028-12-31', description: 'Last day the licence is valid, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'licenceValidTo must be a date as YYYY-MM-DD' })
  licenceValidTo: string;
}

export class AgencyReasonCommand {
  @ApiProperty({ example: 'charged workers recruitment fees (inspection 2026-03)', description: 'Why (kept on the record and in the event)' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

export class ReinstateAgencyCommand {
  @ApiPropertyOptional({ example: 'refunds made, inspection passed' })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  reason?: string;
}

export class ListAgenciesQuery extends DateRangePageQuery {
  @ApiPropertyOptional({ enum: ['licensed', 'suspended', 'revoked'] })
  @IsOptional()
  @IsIn(['licensed', 'suspended', 'revoked'])
  status?: 'licensed' | 'suspended' | 'revoked';
}
