import { Controller } from '@nestjs/common';
import {
  FollowUpRecordedSchema,
  FollowUpScheduledSchema,
  NeedsAssessedSchema,
  ReferralSentSchema,
  ReferralStatusChangedSchema,
  ReintegrationCaseClosedSchema,
  ReintegrationCaseOpenedSchema,
  ReintegrationCaseReopenedSchema,
  ReintegrationPlanRecordedSchema,
  ReturnRecordedSchema,
  ReturneeRecordOpenedSchema,
  ServiceDeliveredSchema,
} from '@corridor/events';
import { HandlesEvent, type ReceivedEvent } from '@corridor/messaging';
import { TimelineRecorder } from './timeline-recorder';

/**
 * The return and reintegration stage on the timeline: the return on both ends' timelines (it
 * travels on the corridor topic), the case steps on the origin's only (country topic).
 */
@Controller()
export class ReintegrationEventsProjector {
  constructor(private readonly recorder: TimelineRecorder) {}

  @HandlesEvent(
    ReturnRecordedSchema,
    ReturneeRecordOpenedSchema,
    ReintegrationCaseOpenedSchema,
    NeedsAssessedSchema,
    ReintegrationPlanRecordedSchema,
    ReferralSentSchema,
    ReferralStatusChangedSchema,
    ServiceDeliveredSchema,
    FollowUpScheduledSchema,
    FollowUpRecordedSchema,
    ReintegrationCaseClosedSchema,
    ReintegrationCaseReopenedSchema,
  )
  onStep(event: ReceivedEvent): Promise<void> {
    return this.recorder.record(event);
  }
}
