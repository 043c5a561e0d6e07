import { Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ApiController, GetView } from '@corridor/http';
import { ReadTimelineUseCase } from './read-timeline.usecase';
import { TimelineView } from './timeline.views';

@ApiController('api/v1/journeys', { tag: 'journeys', forbidden: 'Another country, or a role that may not' })
export class JourneysController {
  constructor(private readonly readTimeline: ReadTimelineUseCase) {}

  @Access('journey.read', { resource: 'journey' })
  @GetView({
    path: ':journeyId/timeline',
    answers: TimelineView,
    description: "The journey's events in order, as this country node received them",
    notFound: 'No such journey, or not visible to the caller',
  })
  timeline(@Param('journeyId', new ParseUUIDPipe()) journeyId: string, @CurrentOfficer() officer: Officer): Promise<TimelineView> {
    return this.readTimeline.one(journeyId, officer);
  }
}
