import { Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { visibleTo } from '../shared/journey-corridor';
import { visibleCorridorsClause } from '../shared/visible-corridors';
import type { ListWelfareCasesQuery } from './welfare-case.commands';
import { WelfareCase } from './welfare-case.entity';
import type { WelfareCaseView } from './welfare-case.views';
import { WelfareLedger } from './welfare-ledger';

@Injectable()
export class ReadWelfareCasesUseCase extends ReadUseCase {
  constructor(private readonly ledger: WelfareLedger) {
    super();
  }

  async one(id: string, officer: Officer): Promise<WelfareCaseView> {
    const c = visibleTo(officer, 'welfare-case.read', this.config, 'welfare case', id, await this.dataSource.getRepository(WelfareCase).findOneBy({ id }));
    return this.ledger.view(this.dataSource.manager, c);
  }

  /** Newest opened first, then by id; filters: journey, status, kind, opened from/to. */
  list(query: ListWelfareCasesQuery, officer: Officer): Promise<Page<WelfareCaseView>> {
    const builder = visibleCorridorsClause(this.dataSource.getRepository(WelfareCase).createQueryBuilder('c'), 'c', officer, 'welfare-case.read')
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC');
    if (query.journeyId) builder.andWhere('c.journey_id = :journeyId', { journeyId: query.journeyId });
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.kind) builder.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.from) builder.andWhere('c.opened_on >= :from', { from: query.from });
    if (query.to) builder.andWhere('c.opened_on <= :to', { to: query.to });
    return pageOfRows(builder, query, (row) => this.ledger.view(this.dataSource.manager, row));
  }
}
