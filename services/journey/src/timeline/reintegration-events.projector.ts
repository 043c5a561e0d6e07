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

  @HandlesEvent(ReturnRecordedSchema) onReturnRecorded(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(ReturneeRecordOpenedSchema) onReturneeRecordOpened(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(ReintegrationCaseOpenedSchema) onCaseOpened(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(NeedsAssessedSchema) onNeedsAssessed(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(ReintegrationPlanRecordedSchema) onPlanRecorded(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(ReferralSentSchema) onReferralSent(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(ReferralStatusChangedSchema) onReferralStatusChanged(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(ServiceDeliveredSchema) onServiceDelivered(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(FollowUpScheduledSchema) onFollowUpScheduled(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(FollowUpRecordedSchema) onFollowUpRecorded(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(ReintegrationCaseClosedSchema) onCaseClosed(e: ReceivedEvent) { return this.recorder.record(e); }
  @HandlesEvent(ReintegrationCaseReopenedSchema) onCaseReopened(e: ReceivedEvent) { return this.recorder.record(e); }
}
