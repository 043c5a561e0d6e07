import { Injectable } from '@nestjs/common';
import { RowOwners, rowOwner } from '@corridor/service-runtime';
import { DataSource } from 'typeorm';
import { type AgencyDirectory, type AgencyStanding } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { isoDay } from '@corridor/reference-data';
import { Agency } from '../agencies/agency.entity';
import { licenceProblem } from '../agencies/agency-licence';
import { FeeBreach } from '../fees/fee-breach.entity';
import { JobOrder } from '../job-orders/job-order.entity';
import { OrientationSession } from '../orientation/orientation-session.entity';
import { ownerOfWorker } from '../workers/worker-owner';
import { Worker } from '../workers/worker.entity';

/**
 * Tells the access guard who owns each object the recruitment routes name. Agencies, workers,
 * sessions and breaches belong to this (origin) node and, where one did the work, an agency;
 * job orders belong to their corridor and no agency.
 */
export const RecruitmentOwners = RowOwners({
  worker: rowOwner(Worker, ownerOfWorker),
  agency: rowOwner(Agency, (agency, country) => ({ origin: country, agencyId: agency.id })),
  'job-order': rowOwner(JobOrder, (order) => ({ origin: order.origin, destination: order.destination, sharedWithDestination: true })),
  'orientation-session': rowOwner(OrientationSession, (session, country) => ({ origin: country, agencyId: session.agencyId ?? null })),
  'fee-breach': rowOwner(FeeBreach, (breach, country) => ({ origin: country, agencyId: breach.agencyId ?? null })),
});

/** The agencies this node licenses: whether the agency a token names is one of them and may act today. */
@Injectable()
export class LicensedAgencies implements AgencyDirectory {
  constructor(
    private readonly dataSource: DataSource,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async standingOf(agencyId: string): Promise<AgencyStanding | undefined> {
    const agency = await this.dataSource.getRepository(Agency).findOneBy({ id: agencyId });
    if (!agency) return undefined;
    const problem = licenceProblem(agency, isoDay(new Date()));
    return { country: this.config.country, licenceStatus: agency.status, licenceProblem: problem?.detail, licenceReason: problem?.reason };
  }
}
