import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 50;

/** GET /api/v1/audit query string; every filter is optional and they combine with AND. */
export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'officer-kh-1', description: "The acting officer's token subject" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actorOfficer?: string;

  @ApiPropertyOptional({ example: 'worker' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  targetType?: string;

  @ApiPropertyOptional({ example: '0193a6c2-…', description: 'Usually combined with targetType' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  targetId?: string;

  @ApiPropertyOptional({ example: 'worker.read' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Recorded at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Recorded before (ISO 8601, exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_DEFAULT })
  @IsOptional()
  // Query values arrive as strings; the global pipe converts only what is declared.
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ example: 1234, description: "The previous page's nextCursor: entries recorded before this entryId" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cursor?: number;
}
