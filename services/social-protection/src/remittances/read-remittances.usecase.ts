import { Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { visibleTo } from '../shared/journey-corridor';
import { visibleCorridorsClause } from '../shared/visible-corridors';
import type { ListRemittancesQuery } from './remittance.commands';
import { Remittance } from './remittance.entity';
import { remittanceView, type RemittanceView } from './remittance.views';

@Injectable()
export class ReadRemittancesUseCase extends ReadUseCase {
  async one(id: string, officer: Officer): Promise<RemittanceView> {
    return remittanceView(visibleTo(officer, 'remittance.read', this.config, 'remittance', id, await this.dataSource.getRepository(Remittance).findOneBy({ id })));
  }

  /** Newest sent first, then by id; filters: journey, channel, sent from/to. */
  list(query: ListRemittancesQuery, officer: Officer): Promise<Page<RemittanceView>> {
    const builder = visibleCorridorsClause(this.dataSource.getRepository(Remittance).createQueryBuilder('r'), 'r', officer, 'remittance.read')
      .orderBy('r.sent_on', 'DESC')
      .addOrderBy('r.id', 'DESC');
    if (query.journeyId) builder.andWhere('r.journey_id = :journeyId', { journeyId: query.journeyId });
    if (query.channel) builder.andWhere('r.channel = :channel', { channel: query.channel });
    if (query.from) builder.andWhere('r.sent_on >= :from', { from: query.from });
    if (query.to) builder.andWhere('r.sent_on <= :to', { to: query.to });
    return pageOfRows(builder, query, remittanceView);
  }
}
