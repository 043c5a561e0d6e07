import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** limit/offset paging, shared by every list endpoint: at most 100 items a page. */
export class PageQuery {
  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ example: 0, minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

/** Paging plus a calendar-date range (inclusive on both ends). */
export class DateRangePageQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'From this calendar date (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Up to this calendar date (inclusive), YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date as YYYY-MM-DD' })
  to?: string;
}

/** One page of a list, with the total across all pages. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function pageOf(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.limit ?? 20, offset: query.offset ?? 0 };
}

/**
 * Declares a 200 answer that is one Page of `view` (a view class with @ApiProperty), so that
 * the OpenAPI document describes the items as well as the paging.
 */
export function ApiPageResponse(view: ClassType, description: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(view),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'limit', 'offset'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(view) } },
          total: { type: 'integer', minimum: 0, description: 'Items across all pages' },
          limit: { type: 'integer', minimum: 1, maximum: 100 },
          offset: { type: 'integer', minimum: 0 },
        },
      },
    }),
  );
}
