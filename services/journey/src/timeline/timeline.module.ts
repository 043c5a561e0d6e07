import { Module } from '@nestjs/common';
import { ContractEventsProjector } from './contract-events.projector';
import { GetTimelineUseCase } from './get-timeline.usecase';
import { JourneysController } from './journeys.controller';
import { TimelineRecorder } from './timeline-recorder';
import { TimelineProjector } from './timeline.projector';

@Module({
  controllers: [JourneysController, TimelineProjector, ContractEventsProjector],
  providers: [GetTimelineUseCase, TimelineRecorder],
})
export class TimelineModule {}
