import { Injectable } from '@nestjs/common';
import { NotFoundProblem, pageOf, type Page } from '@corridor/http';
import { isoDay } from '@corridor/reference-data';
import { ReadUseCase } from '@corridor/service-runtime';
import { CaseScore, FollowUp, Referral, ServiceDelivery } from './case-records.entity';
import type { ListCasesQuery, WorkQueueQuery } from './case.commands';
import { caseView, type CaseView, type WorkItemView } from './case.views';
import { ReintegrationCase } from './reintegration-case.entity';

const DEFAULT_DAYS = 14;

/** Cases and the caseworker's work queue. */
@Injectable()
export class ReadCasesUseCase extends ReadUseCase {
  async one(caseId: string): Promise<CaseView> {
    const record = await this.dataSource.getRepository(ReintegrationCase).findOneBy({ id: caseId });
    if (!record) throw new NotFoundProblem('reintegration case', caseId);
    return this.view(record);
  }

  async list(query: ListCasesQuery): Promise<Page<CaseView>> {
    const { limit, offset } = pageOf(query);
    const [rows, total] = await this.dataSource.getRepository(ReintegrationCase).findAndCount({
      where: { ...(query.status ? { status: query.status as never } : {}), ...(query.journeyId ? { journeyId: query.journeyId } : {}) },
      order: { openedAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: await Promise.all(rows.map((r) => this.view(r))), total, limit, offset };
  }

  /**
   * What waits for the caseworker, most overdue first: cases without an assessment N days after
   * they opened, follow-ups due and not held, referrals with no step for N days. Closed cases wait
   * for nothing. Ties: assessments before follow-ups before referrals, then the case id.
   */
  async workQueue(query: WorkQueueQuery): Promise<Page<WorkItemView>> {
    const { limit, offset } = pageOf(query);
    const on = query.on ?? isoDay();
    const params = [on, query.assessmentDays ?? DEFAULT_DAYS, query.referralDays ?? DEFAULT_DAYS];
    const items = `
      SELECT 'assessment-overdue' AS kind, 1 AS rank, c.id AS case_id, c.journey_id, c.opened_on AS since, ($1::date - c.opened_on) - $2 AS days_overdue, NULL::text AS item_id
        FROM reintegration_case c
       WHERE c.status = 'open' AND NOT EXISTS (SELECT 1 FROM case_score s WHERE s.case_id = c.id AND s.kind = 'assessment') AND $1::date - c.opened_on >= $2
      UNION ALL
      SELECT 'follow-up-due', 2, c.id, c.journey_id, f.due_on, $1::date - f.due_on, f.id::text
        FROM follow_up f JOIN reintegration_case c ON c.id = f.case_id
       WHERE c.status <> 'closed' AND f.held_on IS NULL AND f.due_on <= $1::date
      UNION ALL
      SELECT 'referral-stuck', 3, c.id, c.journey_id, r.status_changed_on, ($1::date - r.status_changed_on) - $3, r.id::text
        FROM referral r JOIN reintegration_case c ON c.id = r.case_id
       WHERE c.status <> 'closed' AND r.status IN ('sent', 'accepted') AND $1::date - r.status_changed_on >= $3`;
    const rows: { kind: string; case_id: string; journey_id: string; since: string; days_overdue: number; item_id: string | null }[] = await this.dataSource.query(
      `SELECT kind, case_id, journey_id, to_char(since, 'YYYY-MM-DD') AS since, days_overdue, item_id FROM (${items}) q
        ORDER BY days_overdue DESC, rank, case_id, item_id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${items}) q`, params);
    return { items: rows.map((r) => ({ kind: r.kind, caseId: r.case_id, journeyId: r.journey_id, since: r.since, daysOverdue: Number(r.days_overdue), itemId: r.item_id })), total: n, limit, offset };
  }

  private async view(record: ReintegrationCase): Promise<CaseView> {
    const by = { where: { caseId: record.id } };
    const [scores, referrals, services, followUps] = await Promise.all([
      this.dataSource.getRepository(CaseScore).find({ ...by, order: { heldOn: 'ASC', recordedAt: 'ASC' } }),
      this.dataSource.getRepository(Referral).find({ ...by, order: { sentOn: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(ServiceDelivery).find({ ...by, order: { deliveredOn: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(FollowUp).find({ ...by, order: { dueOn: 'ASC', id: 'ASC' } }),
    ]);
    return caseView(record, { scores, referrals, services, followUps });
  }
}
