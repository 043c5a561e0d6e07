import { Module } from '@nestjs/common';
import { GetTimelineUseCase } from './get-timeline.usecase';
import { JourneysController } from './journeys.controller';
import { TimelineProjector } from './timeline.projector';

@Module({ controllers: [JourneysController, TimelineProjector], providers: [GetTimelineUseCase] })
export class TimelineModule {}
