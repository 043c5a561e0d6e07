import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { openCorridor, type NodeConfig } from '@corridor/config';
import { PageQuery } from '@corridor/http';
import { isCalendarDate, isInTheFuture } from '@corridor/reference-data';

/** Opening a stage case; a stage's command extends it (`class OpenDeploymentCaseCommand extends OpenStageCaseCommand {}`). */
export class OpenStageCaseCommand {
  @ApiProperty({ example: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c', description: 'The journey the case is for (one case per journey)' })
  @IsUUID()
  journeyId: string;

  @ApiProperty({ example: 'TH', description: 'The destination country: a corridor from this node to it must be open' })
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'destination must be a country code like TH' })
  destination: string;

  @ApiProperty({ example: '2026-12-01', description: 'The day the case was opened, YYYY-MM-DD; not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'openedOn must be a date as YYYY-MM-DD' })
  openedOn: string;

  @ApiProperty({ example: 'file received from the provincial office', description: 'What the case is about; no person data (it travels in the event)' })
  @IsString()
  @Length(3, 500)
  note: string;
}

/** Listing stage cases: a page, optionally of one journey. */
export class ListStageCasesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;
}

export interface RuleBreach {
  field: string;
  reason: string;
}

/**
 * Why this node may not open a stage case, or undefined when it may: the corridor to the
 * destination must be open, and the date a calendar date that has begun somewhere (the one
 * "not in the future" rule of libs/reference-data).
 */
export function whyStageCaseNotOpenable(
  command: Pick<OpenStageCaseCommand, 'destination' | 'openedOn'>,
  node: Pick<NodeConfig, 'country' | 'corridors'>,
  today = new Date(),
): RuleBreach | undefined {
  if (!openCorridor(node, node.country, command.destination)) {
    return { field: 'destination', reason: `no corridor is open from ${node.country} to ${command.destination}` };
  }
  if (!isCalendarDate(command.openedOn)) return { field: 'openedOn', reason: `openedOn ${command.openedOn} is not a calendar date` };
  if (isInTheFuture(command.openedOn, today)) return { field: 'openedOn', reason: `openedOn ${command.openedOn} is in the future` };
  return undefined;
}
