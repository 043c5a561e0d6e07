import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AccessRefusalLog } from './access-refusal-log';

export class AccessRefusalQueryDto {
  @ApiPropertyOptional({ description: 'Only refusals of this token subject (`anonymous` for missing or invalid tokens)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorOfficer?: string;

  @ApiPropertyOptional({ description: 'Only this reason: no-token, bad-token, no-role, other-country, agency-unknown, agency-licence, not-visible, unknown, no-declaration' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  reason?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AccessRefusalView {
  @ApiProperty() windowStart: string;
  @ApiProperty() actorOfficer: string;
  @ApiProperty() actorCountry: string;
  @ApiProperty() actorAgency: string;
  @ApiProperty() operation: string;
  @ApiProperty() targetType: string;
  @ApiProperty() targetId: string;
  @ApiProperty() reason: string;
  @ApiProperty() status: number;
  @ApiProperty() sourceIp: string;
  @ApiProperty({ description: 'How many attempts in this minute' }) attempts: number;
  @ApiProperty() firstAt: string;
  @ApiProperty() lastAt: string;
}

export class AccessRefusalPage {
  @ApiProperty({ type: [AccessRefusalView] }) refusals: AccessRefusalView[];
}

interface Row {
  window_start: Date;
  actor_officer: string;
  actor_country: string;
  actor_agency: string;
  operation: string;
  target_type: string;
  target_id: string;
  reason: string;
  status: number;
  source_ip: string;
  attempts: number;
  first_at: Date;
  last_at: Date;
}

/** What auditors read of the refusal log, newest minute first. */
@Injectable()
export class AccessRefusalQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: AccessRefusalLog,
  ) {}

  async page(query: AccessRefusalQueryDto): Promise<AccessRefusalPage> {
    // What was counted up to now is part of the answer.
    await this.log.flush();
    const where: string[] = [];
    const values: unknown[] = [];
    if (query.actorOfficer) where.push(`actor_officer = $${values.push(query.actorOfficer)}`);
    if (query.reason) where.push(`reason = $${values.push(query.reason)}`);
    if (query.from) where.push(`last_at >= $${values.push(new Date(query.from))}`);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT * FROM access_refusal ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY window_start DESC, id DESC LIMIT $${values.push(query.limit ?? 100)}`,
      values,
    );
    return {
      refusals: rows.map((r) => ({
        windowStart: r.window_start.toISOString(),
        actorOfficer: r.actor_officer,
        actorCountry: r.actor_country,
        actorAgency: r.actor_agency,
        operation: r.operation,
        targetType: r.target_type,
        targetId: r.target_id,
        reason: r.reason,
        status: r.status,
        sourceIp: r.source_ip,
        attempts: r.attempts,
        firstAt: r.first_at.toISOString(),
        lastAt: r.last_at.toISOString(),
      })),
    };
  }
}
