import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer, Access, type Officer } from '@corridor/auth';
import { ReadTimelineUseCase, type TimelineView } from './read-timeline.usecase';

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('api/v1/journeys')
export class JourneysController {
  constructor(private readonly readTimeline: ReadTimelineUseCase) {}

  @Access('journey.read', { resource: 'journey' })
  @Get(':journeyId/timeline')
  @ApiOkResponse({ description: "The journey's events in order, as this country node received them" })
  @ApiNotFoundResponse({ description: 'No such journey, or not visible to the caller (problem+json)' })
  timeline(@Param('journeyId', new ParseUUIDPipe()) journeyId: string, @CurrentOfficer() officer: Officer): Promise<TimelineView> {
    return this.readTimeline.one(journeyId, officer);
  }
}
