import { DeploymentEventsProjector } from './deployment-events.projector';
import { CorridorFeature } from '@corridor/service-runtime';
import { CreateTimeline1763900000200 } from '../migrations/1763900000200-create-timeline';
import { CreateJourneyFlag1763900000210 } from '../migrations/1763900000210-create-journey-flag';
import { ContractEventsProjector } from './contract-events.projector';
import { SocialProtectionEventsProjector } from './social-protection-events.projector';
import { JourneyOwners } from './journey-access';
import { ReintegrationEventsProjector } from './reintegration-events.projector';
import { ReadTimelineUseCase } from './read-timeline.usecase';
import { JourneyFlag } from './journey-flag.entity';
import { Journey } from './journey.entity';
import { JourneysController } from './journeys.controller';
import { TimelineEntry } from './timeline-entry.entity';
import { TimelineRecorder } from './timeline-recorder';
import { TimelineProjector } from './timeline.projector';

@CorridorFeature({
  entities: [Journey, TimelineEntry, JourneyFlag],
  migrations: [CreateTimeline1763900000200, CreateJourneyFlag1763900000210],
  controllers: [JourneysController, TimelineProjector, ContractEventsProjector, DeploymentEventsProjector, SocialProtectionEventsProjector, ReintegrationEventsProjector],
  providers: [JourneyOwners, ReadTimelineUseCase, TimelineRecorder],
})
export class TimelineModule {}
