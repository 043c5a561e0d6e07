import { Injectable } from '@nestjs/common';
import { NotFoundProblem } from '@corridor/http';
import { pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { JobOrder } from './job-order.entity';
import type { ListJobOrdersQuery } from './job-order.commands';
import { jobOrderView, type JobOrderView } from './job-order.views';

/** Job orders of this node's corridors, its own and replicated ones alike. */
@Injectable()
export class ReadJobOrdersUseCase extends ReadUseCase {
  async one(jobOrderId: string): Promise<JobOrderView> {
    const order = await this.dataSource.getRepository(JobOrder).findOneBy({ id: jobOrderId });
    if (!order) throw new NotFoundProblem('job order', jobOrderId);
    return jobOrderView(order);
  }

  list(query: ListJobOrdersQuery): Promise<Page<JobOrderView>> {
    const builder = this.dataSource.getRepository(JobOrder).createQueryBuilder('o').orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC');
    if (query.status) builder.andWhere('o.status = :status', { status: query.status });
    if (query.occupationIsco) builder.andWhere('o.occupation_isco = :isco', { isco: query.occupationIsco });
    if (query.origin) builder.andWhere('o.origin = :origin', { origin: query.origin });
    if (query.destination) builder.andWhere('o.destination = :destination', { destination: query.destination });
    if (query.from) builder.andWhere('o.created_at >= :from::date', { from: query.from });
    if (query.to) builder.andWhere("o.created_at < (:to::date + interval '1 day')", { to: query.to });
    return pageOfRows(builder, query, jobOrderView);
  }
}
