import { isoDay } from '@corridor/reference-data';
import type { Agency } from './agency.entity';
import { AGENCY_LIFECYCLE, licenceProblem } from './agency-licence';

export interface AgencyView {
  agencyId: string;
  name: string;
  licenceNumber: string;
  licenceValidFrom: string;
  licenceValidTo: string;
  status: string;
  statusReason: string | null;
  mayRecruitToday: boolean;
  whyNot: string | null;
  allowedActions: string[];
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
