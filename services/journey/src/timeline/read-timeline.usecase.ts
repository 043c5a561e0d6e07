import { Injectable } from '@nestjs/common';
import { Like } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { NotFoundProblem } from '@corridor/http';
import { ReadUseCase } from '@corridor/service-runtime';
import { seesOnlyCorridorEvents } from './journey-access';
import { JourneyFlag } from './journey-flag.entity';
import { Journey } from './journey.entity';
import { TimelineEntry } from './timeline-entry.entity';
import type { TimelineView } from './timeline.views';

/** The journey's stage changes in the order they happened, for an officer allowed to see it. */
@Injectable()
export class ReadTimelineUseCase extends ReadUseCase {
  async one(journeyId: string, officer: Officer): Promise<TimelineView> {
    // The access guard has decided that the officer may see the journey.
    const journey = await this.dataSource.getRepository(Journey).findOneBy({ id: journeyId });
    if (!journey) throw new NotFoundProblem('journey', journeyId);
    const entries = await this.dataSource.getRepository(TimelineEntry).find({
      where: { journeyId, ...(seesOnlyCorridorEvents(officer.country, journey) ? { topic: Like('corridor.%') } : {}) },
      order: { occurredAt: 'ASC', eventId: 'ASC' },
    });
    const flags = await this.dataSource
      .getRepository(JourneyFlag)
      .createQueryBuilder('f')
      .where('f.journey_id = :journeyId AND f.resolved_at IS NULL', { journeyId })
      .orderBy('f.raised_at', 'ASC')
      .getMany();
    return {
      journeyId,
      origin: journey.origin,
      destination: journey.destination,
      openFlags: flags.map((f) => ({ flagId: f.flagId, kind: f.kind, reason: f.reason, blocksDeparture: f.blocksDeparture, raisedAt: f.raisedAt.toISOString() })),
      entries: entries.map((e) => ({
        eventId: e.eventId,
        eventType: e.eventType,
        stage: e.stage,
        occurredAt: e.occurredAt.toISOString(),
        recordedBy: { country: e.recordedByCountry, agencyId: e.recordedByAgency, officerId: e.recordedByOfficer },
        details: e.details as Record<string, unknown>,
      })),
    };
  }
}
