import { Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { NotFoundProblem, pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { ReturnRecord } from './return-record.entity';
import type { ListReturnsQuery } from './returns.commands';
import { returnView, type ReturnView } from './return.views';

/** Returns this node holds: its own journeys' as origin, those it received as destination. */
@Injectable()
export class ReadReturnsUseCase extends ReadUseCase {
  async one(returnId: string): Promise<ReturnView> {
    const record = await this.dataSource.getRepository(ReturnRecord).findOneBy({ id: returnId });
    if (!record) throw new NotFoundProblem('return', returnId);
    return returnView(record);
  }

  /** Newest first, then by id; an officer sees the returns of the side their roles act for. */
  list(query: ListReturnsQuery, officer: Officer): Promise<Page<ReturnView>> {
    const builder = this.dataSource.getRepository(ReturnRecord).createQueryBuilder('r').orderBy('r.recorded_at', 'DESC').addOrderBy('r.id', 'DESC');
    builder.andWhere('(r.origin = :country OR r.destination = :country)', { country: officer.country });
    if (query.journeyId) builder.andWhere('r.journey_id = :journeyId', { journeyId: query.journeyId });
    return pageOfRows(builder, query, returnView);
  }
}
