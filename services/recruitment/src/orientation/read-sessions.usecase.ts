import { Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { isMinistry, ownAgencyOf } from '../common/roles';
import { OrientationAttendance } from './orientation-attendance.entity';
import { OrientationSession } from './orientation-session.entity';
import type { ListSessionsQuery } from './orientation.commands';
import { findSessionFor } from './session-access';
import { sessionView, type SessionView } from './session.views';

@Injectable()
export class ReadSessionsUseCase extends ReadUseCase {
  async one(sessionId: string, officer: Officer): Promise<SessionView> {
    const session = await findSessionFor(this.dataSource.manager, officer, sessionId);
    return sessionView(session, await this.dataSource.manager.find(OrientationAttendance, { where: { sessionId }, order: { recordedAt: 'ASC' } }));
  }

  list(query: ListSessionsQuery, officer: Officer): Promise<Page<SessionView>> {
    const builder = this.dataSource.getRepository(OrientationSession).createQueryBuilder('s').orderBy('s.held_on', 'DESC').addOrderBy('s.id', 'DESC');
    if (query.status) builder.andWhere('s.status = :status', { status: query.status });
    if (query.agency) builder.andWhere('s.agency_id = :agency', { agency: query.agency });
    if (!isMinistry(officer)) builder.andWhere('s.agency_id = :own', { own: ownAgencyOf(officer) });
    if (query.from) builder.andWhere('s.held_on >= :from::date', { from: query.from });
    if (query.to) builder.andWhere('s.held_on <= :to::date', { to: query.to });
    return pageOfRows(builder, query, (s) => sessionView(s));
  }
}
