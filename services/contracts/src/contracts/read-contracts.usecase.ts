import { Injectable } from '@nestjs/common';
import { agencyFilterOf, type Officer } from '@corridor/auth';
import { pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { findContractFor } from './contract-access';
import type { ListContractsQuery } from './contract.commands';
import { Contract } from './contract.entity';
import { contractView, versionViews, type ContractView, type VersionView } from './contract.views';

export type ContractPage = Page<ContractView>;

/** Contracts this node holds: its own and the other side's alike. Agencies see their workers' only. */
@Injectable()
export class ReadContractsUseCase extends ReadUseCase {
  async one(contractId: string, officer: Officer): Promise<ContractView> {
    const manager = this.dataSource.manager;
    return contractView(manager, await findContractFor(manager, officer, contractId));
  }

  async versions(contractId: string, officer: Officer): Promise<VersionView[]> {
    const manager = this.dataSource.manager;
    return versionViews(manager, await findContractFor(manager, officer, contractId));
  }

  list(query: ListContractsQuery, officer: Officer): Promise<ContractPage> {
    const builder = this.dataSource.getRepository(Contract).createQueryBuilder('c').orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC');
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.journeyId) builder.andWhere('c.journey_id = :journeyId', { journeyId: query.journeyId });
    if (query.flagged === true) builder.andWhere('c.open_flags > 0');
    if (query.flagged === false) builder.andWhere('c.open_flags = 0');
    const agency = agencyFilterOf(officer);
    if (agency !== undefined) builder.andWhere('c.agency_id = :agencyId AND c.origin = :agencyCountry', { agencyId: agency ?? '', agencyCountry: officer.country });
    return pageOfRows(builder, query, (row) => contractView(this.dataSource.manager, row));
  }
}
