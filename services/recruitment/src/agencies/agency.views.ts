import { ApiProperty } from '@nestjs/swagger';
import { isoDay } from '@corridor/reference-data';
import { AGENCY_LIFECYCLE, type AgencyAction, type AgencyStatus } from '@corridor/state-machine';
import type { Agency } from './agency.entity';
import { licenceProblem } from './agency-licence';

/** An agency as every answer of the agencies API shows it. */
export class AgencyView {
  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ example: 'Phnom Penh Manpower Co.' })
  name: string;

  @ApiProperty({ example: 'KH-MOLVT-2026-0042' })
  licenceNumber: string;

  @ApiProperty({ example: '2026-01-01', format: 'date' })
  licenceValidFrom: string;

  @ApiProperty({ example: '2028-12-31', format: 'date' })
  licenceValidTo: string;

  @ApiProperty({ enum: AGENCY_LIFECYCLE.states })
  status: AgencyStatus;

  @ApiProperty({ type: String, nullable: true, description: 'Why the licence was last suspended, reinstated or revoked' })
  statusReason: string | null;

  @ApiProperty({ description: 'Licensed, and the licence is valid today' })
  mayRecruitToday: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Why the agency may not recruit today; null when it may' })
  whyNot: string | null;

  @ApiProperty({ enum: AGENCY_LIFECYCLE.actions, isArray: true, description: 'What may be done with the licence now' })
  allowedActions: AgencyAction[];

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;
}

export function agencyView(agency: Agency, today = new Date()): AgencyView {
  const problem = licenceProblem(agency, isoDay(today));
  return {
    agencyId: agency.id,
    name: agency.name,
    licenceNumber: agency.licenceNumber,
    licenceValidFrom: agency.licenceValidFrom,
    licenceValidTo: agency.licenceValidTo,
    status: agency.status,
    statusReason: agency.statusReason,
    mayRecruitToday: !problem,
    whyNot: problem?.detail ?? null,
    allowedActions: AGENCY_LIFECYCLE.allowedActions(agency.status),
    registeredAt: agency.registeredAt.toISOString(),
  };
}
