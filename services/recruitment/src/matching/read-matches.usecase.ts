import { Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { isMinistry, ownAgencyOf } from '../common/roles';
import type { ListMatchesQuery } from './match.commands';
import { matchView, type MatchView } from './match.views';
import { WorkerMatch } from './worker-match.entity';

/** The name lists of this node; an agency sees only its own workers. */
@Injectable()
export class ReadMatchesUseCase extends ReadUseCase {
  list(query: ListMatchesQuery, officer: Officer): Promise<Page<MatchView>> {
    const builder = this.dataSource.getRepository(WorkerMatch).createQueryBuilder('m').orderBy('m.matched_at', 'ASC').addOrderBy('m.id', 'ASC');
    if (query.status) builder.andWhere('m.status = :status', { status: query.status });
    if (query.jobOrderId) builder.andWhere('m.job_order_id = :jobOrderId', { jobOrderId: query.jobOrderId });
    if (query.agency) builder.andWhere('m.agency_id = :agency', { agency: query.agency });
    if (query.openFlag === 'fee-breach') builder.andWhere("EXISTS (SELECT 1 FROM fee_breach b WHERE b.journey_id = m.journey_id AND b.status = 'open')");
    if (!isMinistry(officer)) builder.andWhere('m.agency_id = :own', { own: ownAgencyOf(officer) });
    if (query.from) builder.andWhere('m.matched_at >= :from::date', { from: query.from });
    if (query.to) builder.andWhere("m.matched_at < (:to::date + interval '1 day')", { to: query.to });
    return pageOfRows(builder, query, matchView);
  }
}
