import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundProblem } from '@corridor/http';
import { isoDay } from '@corridor/reference-data';
import { ReadUseCase } from '@corridor/service-runtime';
import { JobOrderFactRow } from './job-order-fact.entity';
import { STATISTIC_TABLES, buildTable, foldJourneys, suppressSmallCells, tableCsv, type JobOrderFact, type StatEvent } from './statistics.rules';
import type { StatTableInfoView, StatTableView, StatisticsQuery } from './statistics.views';

/** The smallest cell a node publishes unless its configuration says otherwise. */
export const DEFAULT_MIN_CELL = 5;

/** The smallest cell this node publishes anywhere (statistics, the public agency record): STATISTICS_MIN_CELL, else 5. */
export const nodeMinCell = (env: NodeJS.ProcessEnv = process.env): number => Number(env.STATISTICS_MIN_CELL) || DEFAULT_MIN_CELL;

/**
 * The events of the read model as the statistics fold reads them, oldest first; `agencyId` keeps
 * the journeys one agency registered or matched (the public agency record).
 */
export async function statEvents(dataSource: DataSource, agencyId?: string): Promise<StatEvent[]> {
  const rows: { journey_id: string; event_type: string; occurred_at: Date; origin: string; destination: string | null; details: Record<string, unknown> }[] = await dataSource.query(
    `SELECT t.journey_id, t.event_type, t.occurred_at, j.origin, j.destination, t.details
       FROM timeline_entry t JOIN journey j ON j.id = t.journey_id
      ${agencyId ? 'WHERE j.agency_id = $1' : ''}
      ORDER BY t.occurred_at, t.event_id`,
    agencyId ? [agencyId] : [],
  );
  return rows.map((r) => ({ journeyId: r.journey_id, eventType: r.event_type, occurredAt: r.occurred_at, origin: r.origin, destination: r.destination, details: r.details }));
}

/**
 * The node's statistics, computed on request from the events it received (the timeline is the
 * log of them, as received) and the job orders' sectors: nothing else is read, so a read model
 * rebuilt from the topics gives the same tables.
 */
@Injectable()
export class ReadStatisticsUseCase extends ReadUseCase {
  tables(): StatTableInfoView[] {
    return Object.entries(STATISTIC_TABLES).map(([name, t]) => ({ name, title: t.title, concept: t.concept, unit: t.unit }));
  }

  async table(name: string, query: StatisticsQuery): Promise<StatTableView> {
    if (!Object.prototype.hasOwnProperty.call(STATISTIC_TABLES, name)) throw new NotFoundProblem('statistics table', name);
    const today = isoDay();
    const to = query.to ?? today;
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    const referenceDate = query.referenceDate ?? to;
    const minCell = Math.max(query.minCell ?? 0, nodeMinCell());
    const events = await statEvents(this.dataSource);
    const jobOrders = new Map<string, JobOrderFact>((await this.dataSource.getRepository(JobOrderFactRow).find()).map((j) => [j.jobOrderId, j]));
    const table = suppressSmallCells(buildTable(name, foldJourneys(events), { from, to, referenceDate }, jobOrders), minCell);
    return { ...table, country: this.config.country, from, to, referenceDate, minCell };
  }

  async csv(name: string, query: StatisticsQuery): Promise<string> {
    return tableCsv(await this.table(name, query));
  }
}
