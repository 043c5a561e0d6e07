import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResourceOwners, type AgencyDirectory, type AgencyStanding } from '@corridor/auth';
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
@Injectable()
export class RecruitmentOwners implements OnModuleInit {
  constructor(
    private readonly owners: ResourceOwners,
    private readonly dataSource: DataSource,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  onModuleInit(): void {
    const country = this.config.country;
    const find = <T extends object>(entity: new () => T, id: string) => this.dataSource.getRepository(entity).findOne({ where: { id } as never });
    this.owners.define('worker', async (id) => {
      const worker = await find(Worker, id);
      return worker && ownerOfWorker(worker, country);
    });
    this.owners.define('agency', async (id) => {
      const agency = await find(Agency, id);
      return agency && { origin: country, agencyId: agency.id };
    });
    this.owners.define('job-order', async (id) => {
      const order = await find(JobOrder, id);
      return order && { origin: order.origin, destination: order.destination, sharedWithDestination: true };
    });
    this.owners.define('orientation-session', async (id) => {
      const session = await find(OrientationSession, id);
      return session && { origin: country, agencyId: session.agencyId ?? null };
    });
    this.owners.define('fee-breach', async (id) => {
      const breach = await find(FeeBreach, id);
      return breach && { origin: country, agencyId: breach.agencyId ?? null };
    });
  }
}

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
