import { Injectable } from '@nestjs/common';
import { type SelectQueryBuilder } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { pageOfRows, type Page } from '@corridor/http';
import { GRIEVANCE_PENDING } from '@corridor/state-machine';
import { ReadUseCase } from '@corridor/service-runtime';
import { visibleTo } from '../shared/journey-corridor';
import { visibleCorridorsClause } from '../shared/visible-corridors';
import type { ListGrievancesQuery } from './grievance.commands';
import { GrievanceLedger } from './grievance-ledger';
import { Grievance } from './grievance.entity';
import type { GrievanceView } from './grievance.views';

@Injectable()
export class ReadGrievancesUseCase extends ReadUseCase {
  constructor(private readonly ledger: GrievanceLedger) {
    super();
  }

  async one(id: string, officer: Officer): Promise<GrievanceView> {
    const grievance = visibleTo(officer, 'grievance.read', this.config, 'grievance', id, await this.dataSource.getRepository(Grievance).findOneBy({ id }));
    return this.ledger.view(this.dataSource.manager, grievance);
  }

  /** Newest filed first, then by id; only grievances of corridor sides the officer's roles act for. */
  list(query: ListGrievancesQuery, officer: Officer): Promise<Page<GrievanceView>> {
    return this.page(query, officer, 'grievance.read');
  }

  /** The supervisors' queue: escalated grievances still waiting for an answer, oldest deadline first. */
  escalated(query: ListGrievancesQuery, officer: Officer): Promise<Page<GrievanceView>> {
    return this.page({ ...query, flag: 'escalated' }, officer, 'grievance.supervise', (b) =>
      b.andWhere('g.status IN (:...pending)', { pending: GRIEVANCE_PENDING }).orderBy('g.deadline_on', 'ASC').addOrderBy('g.id', 'ASC'),
    );
  }

  private page(
    query: ListGrievancesQuery,
    officer: Officer,
    operation: 'grievance.read' | 'grievance.supervise',
    refine: (b: SelectQueryBuilder<Grievance>) => SelectQueryBuilder<Grievance> = (b) => b,
  ): Promise<Page<GrievanceView>> {
    let builder = this.dataSource.getRepository(Grievance).createQueryBuilder('g').orderBy('g.filed_at', 'DESC').addOrderBy('g.id', 'DESC');
    builder = visibleCorridorsClause(builder, 'g', officer, operation);
    if (query.journeyId) builder.andWhere('g.journey_id = :journeyId', { journeyId: query.journeyId });
    if (query.status) builder.andWhere('g.status = :status', { status: query.status });
    if (query.category) builder.andWhere('g.category = :category', { category: query.category });
    if (query.assignee) builder.andWhere('g.assignee = :assignee', { assignee: query.assignee });
    if (query.flag === 'overdue') builder.andWhere('g.overdue_flag_id IS NOT NULL');
    if (query.flag === 'escalated') builder.andWhere('g.escalated_on IS NOT NULL');
    if (query.from) builder.andWhere('g.filed_on >= :from', { from: query.from });
    if (query.to) builder.andWhere('g.filed_on <= :to', { to: query.to });
    return pageOfRows(refine(builder), query, (row) => this.ledger.view(this.dataSource.manager, row));
  }
}
