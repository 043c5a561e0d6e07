import { Inject, Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { pageOfRows, type Page } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { CaseTextCipher } from '../shared/case-text';
import { visibleTo } from '../shared/journey-corridor';
import { PROTECTION_POLICIES, type ProtectionPolicies } from '../shared/protection-policy';
import { visibleCorridorsClause } from '../shared/visible-corridors';
import type { ListEnrolmentsQuery, ListUninsuredFlagsQuery } from './enrolment.commands';
import { enrolmentView, uninsuredFlagView, type EnrolmentView, type SchemeView, type UninsuredFlagView } from './enrolment.views';
import { SchemeEnrolment } from './scheme-enrolment.entity';
import { UninsuredFlag } from './uninsured-flag.entity';

@Injectable()
export class ReadEnrolmentsUseCase extends ReadUseCase {
  constructor(
    private readonly text: CaseTextCipher,
    @Inject(PROTECTION_POLICIES) private readonly policies: ProtectionPolicies,
  ) {
    super();
  }

  schemes(destination: string): SchemeView[] {
    return this.policies(destination).schemes.map((s) => ({ code: s.code, kind: s.kind, name: s.name }));
  }

  async one(id: string, officer: Officer): Promise<EnrolmentView> {
    const enrolment = visibleTo(officer, 'enrolment.read', this.config, 'enrolment', id, await this.dataSource.getRepository(SchemeEnrolment).findOneBy({ id }));
    return this.view(enrolment);
  }

  /** Newest first, then by id; filters: journey, kind, coverage starting from/to. */
  list(query: ListEnrolmentsQuery, officer: Officer): Promise<Page<EnrolmentView>> {
    const builder = visibleCorridorsClause(this.dataSource.getRepository(SchemeEnrolment).createQueryBuilder('e'), 'e', officer, 'enrolment.read')
      .orderBy('e.recorded_at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (query.journeyId) builder.andWhere('e.journey_id = :journeyId', { journeyId: query.journeyId });
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.from) builder.andWhere('e.coverage_from >= :from', { from: query.from });
    if (query.to) builder.andWhere('e.coverage_from <= :to', { to: query.to });
    return pageOfRows(builder, query, (e) => this.view(e));
  }

  /** Uninsured flags newest first; filters: journey, raised or cleared, flagged from/to. */
  flags(query: ListUninsuredFlagsQuery, officer: Officer): Promise<Page<UninsuredFlagView>> {
    const builder = visibleCorridorsClause(this.dataSource.getRepository(UninsuredFlag).createQueryBuilder('f'), 'f', officer, 'enrolment.read')
      .orderBy('f.flagged_on', 'DESC')
      .addOrderBy('f.id', 'DESC');
    if (query.journeyId) builder.andWhere('f.journey_id = :journeyId', { journeyId: query.journeyId });
    if (query.status === 'raised') builder.andWhere('f.cleared_on IS NULL');
    if (query.status === 'cleared') builder.andWhere('f.cleared_on IS NOT NULL');
    if (query.from) builder.andWhere('f.flagged_on >= :from', { from: query.from });
    if (query.to) builder.andWhere('f.flagged_on <= :to', { to: query.to });
    return pageOfRows(builder, query, uninsuredFlagView);
  }

  private view(e: SchemeEnrolment): EnrolmentView {
    return enrolmentView(e, this.text.inClear(e.memberNumberEnc, 'scheme_enrolment.member_number', e.id));
  }
}
