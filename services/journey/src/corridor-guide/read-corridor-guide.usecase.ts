import { Injectable } from '@nestjs/common';
import { loadPortalGuide, type PortalGuide } from '@corridor/config';
import { addDays, isoDay } from '@corridor/reference-data';
import { ReadUseCase } from '@corridor/service-runtime';
import { ReadStatisticsUseCase } from '../statistics/read-statistics.usecase';
import type { CorridorGuideView } from './corridor-guide.views';

/** The corridor policy (fee cap, deadlines), the portal guide (codes, contacts) and the days-to-departure statistic. */
@Injectable()
export class ReadCorridorGuideUseCase extends ReadUseCase {
  private readonly guideOf: (origin: string, destination: string) => PortalGuide = loadPortalGuide(process.env.PORTAL_GUIDE_FILE || undefined);

  constructor(private readonly statistics: ReadStatisticsUseCase) {
    super();
  }

  async list(today = isoDay()): Promise<CorridorGuideView[]> {
    const from = addDays(today, -364);
    // The same table, suppression included, that statisticians read: a small cell is no median.
    const days = this.config.corridors.some((c) => c.origin === this.config.country) ? await this.statistics.table('days-to-departure', { from, to: today }) : null;
    return this.config.corridors.map((c) => {
      const total = days?.rows.find((r) => r.destination === c.destination && r.sex === 'total');
      const guide = this.guideOf(c.origin, c.destination);
      return {
        origin: c.origin,
        destination: c.destination,
        feeCap: c.policy.recruitmentFeeCap,
        workerMayPayFor: guide.workerMayPayFor,
        contractTerms: guide.contractTerms,
        documents: guide.documents,
        workPermitMonths: c.policy.workPermitMonths,
        grievanceResponseDays: c.policy.grievanceResponseDays,
        medianDaysToDeparture: c.origin === this.config.country && typeof total?.medianDays === 'number' ? total.medianDays : null,
        contacts: guide.contacts,
      };
    });
  }
}
