import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQuery } from '@corridor/http';
import { MASS_RETURN_COLUMNS } from './mass-return.rules';

/**
 * A mass-return list. As JSON: this body. As CSV (Content-Type: text/csv, UTF-8): a header row
 * naming the columns, checkpoint and returnDate in the query string. Up to 5,000 rows; each row is
 * checked on its own, so one bad row refuses only itself.
 */
export class UploadMassReturnCommand {
  @ApiPropertyOptional({ example: 'Poipet' })
  @IsOptional()
  @IsString()
  @Length(2, 120)
  checkpoint?: string;

  @ApiPropertyOptional({ example: '2026-11-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'returnDate must be a date as YYYY-MM-DD' })
  returnDate?: string;

  @ApiPropertyOptional({
    description: `Rows with the keys ${MASS_RETURN_COLUMNS.join(', ')} (documentType passport | national-id; sex female | male | other; returnType defaults to mass-return)`,
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  rows?: Record<string, unknown>[];

  @ApiPropertyOptional({ description: 'The CSV text, when sent as text/csv (filled by the body parser, not by a JSON client)' })
  @IsOptional()
  @IsString()
  csv?: string;
}

export const ROW_OUTCOMES = ['pending', 'matched', 'created', 'already-recorded', 'refused'] as const;

export class ListMassReturnRowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROW_OUTCOMES })
  @IsOptional()
  @IsIn(ROW_OUTCOMES)
  outcome?: (typeof ROW_OUTCOMES)[number];
}
