import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches, IsInt, Min, Max } from 'class-validator';
import { Type } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StatisticsQuery {
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First day of the period (inclusive), YYYY-MM-DD; default 1 January of this year' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last day of the period (inclusive); default today' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date as YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'The day stocks are counted on; default the last day of the period' })
  @IsOptional()
  @Matches(DATE, { message: 'referenceDate must be a date as YYYY-MM-DD' })
  referenceDate?: string;

  @ApiPropertyOptional({ example: 10, description: 'Suppress cells of fewer persons than this; never below the node\'s STATISTICS_MIN_CELL (default 5)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  minCell?: number;
}

export class StatTableInfoView {
  @ApiProperty({ example: 'outflows' }) name: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'The ILO 20th ICLS (2018) concept or SDG indicator the table follows' }) concept: string;
  @ApiProperty({ description: 'Who is counted in persons (the count small cells are judged on)' }) unit: string;
}

export class StatTableView extends StatTableInfoView {
  @ApiProperty({ example: 'KH', description: 'The node whose events the table counts' }) country: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ format: 'date' }) referenceDate: string;
  @ApiProperty({ description: 'Cells of fewer persons are withheld (null, suppressed = 1)' }) minCell: number;
  @ApiProperty({ type: [String], description: 'The columns in order, as in the CSV header' }) columns: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: { oneOf: [{ type: 'string', nullable: true }, { type: 'number', nullable: true }] } },
    description: 'One row per group and sex (female, male, other, unknown, total)',
  })
  rows: Record<string, string | number | null>[];
}
