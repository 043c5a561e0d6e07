import { Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { NotFoundProblem, pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { isMinistry, ownAgencyOf } from '../common/roles';
import { Agency } from './agency.entity';
import type { ListAgenciesQuery } from './agency.commands';
import { agencyView, type AgencyView } from './agency.views';

/** Agencies as the ministry sees them; agency staff see only their own agency. */
@Injectable()
export class ReadAgenciesUseCase extends ReadUseCase {
  async one(agencyId: string, officer: Officer): Promise<AgencyView> {
    const agency = await this.dataSource.getRepository(Agency).findOneBy({ id: agencyId });
    if (!agency || (!isMinistry(officer) && ownAgencyOf(officer) !== agency.id)) throw new NotFoundProblem('agency', agencyId);
    return agencyView(agency);
  }

  list(query: ListAgenciesQuery, officer: Officer): Promise<Page<AgencyView>> {
    const builder = this.dataSource.getRepository(Agency).createQueryBuilder('a').orderBy('a.registered_at', 'ASC').addOrderBy('a.id', 'ASC');
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    if (query.from) builder.andWhere('a.registered_at >= :from::date', { from: query.from });
    if (query.to) builder.andWhere("a.registered_at < (:to::date + interval '1 day')", { to: query.to });
    if (!isMinistry(officer)) builder.andWhere('a.id::text = :own', { own: ownAgencyOf(officer) });
    return pageOfRows(builder, query, (a) => agencyView(a));
  }
}
