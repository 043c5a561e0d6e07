import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { pageOf, pageOfRows, type Page, type DateRangePageQuery } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { isMinistry, ownAgencyOf } from '../common/roles';
import { findWorkerFor } from '../workers/worker-access';
import { findBreachFor } from './breach-access';
import { FeeBreach } from './fee-breach.entity';
import { FeePayment } from './fee-payment.entity';
import { FeeRefund } from './fee-refund.entity';
import type { ListBreachesQuery } from './fee.commands';
import { breachView, feeView, type BreachView, type FeeView } from './fee.views';

@Injectable()
export class ReadFeesUseCase extends ReadUseCase {
  async ofWorker(workerId: string, query: DateRangePageQuery, officer: Officer): Promise<Page<FeeView>> {
    await findWorkerFor(this.dataSource.manager, officer, this.config.country, workerId);
    const builder = this.dataSource.getRepository(FeePayment).createQueryBuilder('f').where('f.worker_id = :workerId', { workerId }).orderBy('f.paid_on', 'ASC').addOrderBy('f.id', 'ASC');
    if (query.from) builder.andWhere('f.paid_on >= :from::date', { from: query.from });
    if (query.to) builder.andWhere('f.paid_on <= :to::date', { to: query.to });
    return pageOfRows(builder, query, feeView);
  }

  async breach(breachId: string, officer: Officer): Promise<BreachView> {
    const breach = await findBreachFor(this.dataSource.manager, officer, breachId);
    return breachView(breach, await this.dataSource.manager.find(FeeRefund, { where: { breachId } }));
  }

  async breaches(query: ListBreachesQuery, officer: Officer): Promise<Page<BreachView>> {
    const { limit, offset } = pageOf(query);
    const builder = this.dataSource.getRepository(FeeBreach).createQueryBuilder('b').orderBy('b.raised_at', 'DESC').addOrderBy('b.id', 'DESC').take(limit).skip(offset);
    if (query.status) builder.andWhere('b.status = :status', { status: query.status });
    if (query.agency) builder.andWhere('b.agency_id = :agency', { agency: query.agency });
    if (!isMinistry(officer)) builder.andWhere('b.agency_id = :own', { own: ownAgencyOf(officer) });
    if (query.from) builder.andWhere('b.raised_at >= :from::date', { from: query.from });
    if (query.to) builder.andWhere("b.raised_at < (:to::date + interval '1 day')", { to: query.to });
    const [rows, total] = await builder.getManyAndCount();
    const refunds = rows.length ? await this.dataSource.manager.find(FeeRefund, { where: { breachId: In(rows.map((b) => b.id)) } }) : [];
    return { items: rows.map((b) => breachView(b, refunds.filter((r) => r.breachId === b.id))), total, limit, offset };
  }
}
