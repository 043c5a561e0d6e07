import { Module } from '@nestjs/common';
import { ContractEventsProjector } from './contract-events.projector';
import { JourneyOwners } from './journey-access';
import { GetTimelineUseCase } from './get-timeline.usecase';
import { JourneysController } from './journeys.controller';
import { TimelineRecorder } from './timeline-recorder';
import { TimelineProjector } from './timeline.projector';

@Module({
  controllers: [JourneysController, TimelineProjector, ContractEventsProjector],
  providers: [JourneyOwners, GetTimelineUseCase, TimelineRecorder],
})
export class TimelineModule {}
