import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundProblem } from '@corridor/http';
import { pageOf, type Page } from '@corridor/http';
import { JobOrder } from './job-order.entity';
import type { ListJobOrdersQuery } from './job-order.commands';
import { jobOrderView, type JobOrderView } from './job-order.views';

/** Job orders of this node's corridors, its own and replicated ones alike. */
@Injectable()
export class ReadJobOrdersUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async one(jobOrderId: string): Promise<JobOrderView> {
    const order = await this.dataSource.getRepository(JobOrder).findOneBy({ id: jobOrderId });
    if (!order) throw new NotFoundProblem('job order', jobOrderId);
    return jobOrderView(order);
  }

  async list(query: ListJobOrdersQuery): Promise<Page<JobOrderView>> {
    const { limit, offset } = pageOf(query);
    const builder = this.dataSource.getRepository(JobOrder).createQueryBuilder('o').orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').take(limit).skip(offset);
    if (query.status) builder.andWhere('o.status = :status', { status: query.status });
    if (query.occupationIsco) builder.andWhere('o.occupation_isco = :isco', { isco: query.occupationIsco });
    if (query.origin) builder.andWhere('o.origin = :origin', { origin: query.origin });
    if (query.destination) builder.andWhere('o.destination = :destination', { destination: query.destination });
    if (query.from) builder.andWhere('o.created_at >= :from::date', { from: query.from });
    if (query.to) builder.andWhere("o.created_at < (:to::date + interval '1 day')", { to: query.to });
    const [rows, total] = await builder.getManyAndCount();
    return { items: rows.map(jobOrderView), total, limit, offset };
  }
}
