import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { SEXES, type SexName } from '@corridor/events';
import { PageQuery } from '@corridor/http';
import { RETURN_STATUSES, RETURN_TYPES, type ReturnStatusName, type ReturnTypeName } from './return.rules';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export class RecordReturnCommand {
  @ApiPropertyOptional({ format: 'uuid', description: 'The journey the worker returns from. Leave out for a returnee this node never sent abroad: a minimal record is opened (origin only)' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;

  @ApiProperty({ enum: RETURN_STATUSES, description: 'planned (e.g. at the end of the contract) or happened' })
  @IsIn(RETURN_STATUSES)
  status: ReturnStatusName;

  @ApiProperty({ enum: RETURN_TYPES })
  @IsIn(RETURN_TYPES)
  type: ReturnTypeName;

  @ApiProperty({ example: '2026-11-28', description: 'YYYY-MM-DD: the planned day, or the day the worker crossed home (not in the future when happened)' })
  @Matches(DATE, { message: 'returnDate must be a date as YYYY-MM-DD' })
  returnDate: string;

  @ApiProperty({ example: 'Poipet', description: 'The border checkpoint or airport' })
  @IsString()
  @Length(2, 120)
  checkpoint: string;

  @ApiPropertyOptional({ example: 'grievance: unpaid wages', description: 'Why, in a few words; no person data' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  reason?: string;

  @ApiPropertyOptional({ enum: SEXES, description: 'Only for a returnee without a journey (required then)' })
  @IsOptional()
  @IsIn(SEXES)
  sex?: SexName;

  @ApiPropertyOptional({ example: 1994, description: 'Only for a returnee without a journey' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @ApiPropertyOptional({ example: 'TH', description: 'Only for a returnee without a journey (required then): the country returned from' })
  @IsOptional()
  @Matches(COUNTRY, { message: 'returnedFrom must be a country code like TH' })
  returnedFrom?: string;
}

export class ListReturnsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;
}
