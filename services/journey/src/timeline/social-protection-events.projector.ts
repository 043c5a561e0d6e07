import { Controller } from '@nestjs/common';
import { GrievanceAssignedSchema, GrievanceClosedSchema, GrievanceEscalatedSchema, GrievanceFiledSchema, GrievanceOverdueFlaggedSchema, GrievanceResolvedSchema, GrievanceStatusChangedSchema, RemittanceRecordedSchema, SchemeEnrolmentRecordedSchema, WelfareCaseClosedSchema, WelfareCaseNotedSchema, WelfareCaseOpenedSchema, WelfareCaseReferredSchema, WorkerUninsuredFlagClearedSchema, WorkerUninsuredFlaggedSchema } from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { TimelineRecorder } from './timeline-recorder';

/**
 * The social-protection stage's events on the journey read model. Their sealed free text is left
 * out of the timeline (it is ciphertext for one node's key; the social-protection service shows
 * it in clear to those who may read it). An uninsured worker and an overdue grievance are flags
 * on the journey until cleared or answered.
 */
@Controller()
export class SocialProtectionEventsProjector {
  constructor(private readonly recorder: TimelineRecorder) {}

  @HandlesEvent(WorkerUninsuredFlaggedSchema)
  async onUninsured(event: ReceivedEventOf<typeof WorkerUninsuredFlaggedSchema>): Promise<void> {
    await this.recorder.recordOpen(event);
    const p = event.payload;
    await this.recorder.raiseFlag(event, { flagId: p.flagId, kind: 'uninsured', reason: `no health insurance ${p.daysAllowed} days after arrival on ${p.arrivedOn}`, blocksDeparture: false });
  }

  @HandlesEvent(WorkerUninsuredFlagClearedSchema)
  async onUninsuredCleared(event: ReceivedEventOf<typeof WorkerUninsuredFlagClearedSchema>): Promise<void> {
    await this.recorder.recordOpen(event);
    await this.recorder.resolveFlag(event, event.payload.flagId, 'insured', `enrolment ${event.payload.enrolmentId}`);
  }

  @HandlesEvent(GrievanceOverdueFlaggedSchema)
  async onOverdue(event: ReceivedEventOf<typeof GrievanceOverdueFlaggedSchema>): Promise<void> {
    await this.recorder.recordOpen(event);
    const p = event.payload;
    await this.recorder.raiseFlag(event, { flagId: p.flagId, kind: 'grievance-overdue', reason: `grievance ${p.grievanceId} unanswered after its deadline ${p.deadlineOn}`, blocksDeparture: false });
  }

  @HandlesEvent(
    SchemeEnrolmentRecordedSchema,
    GrievanceFiledSchema,
    GrievanceAssignedSchema,
    GrievanceStatusChangedSchema,
    GrievanceResolvedSchema,
    GrievanceClosedSchema,
    GrievanceEscalatedSchema,
    WelfareCaseOpenedSchema,
    WelfareCaseNotedSchema,
    WelfareCaseReferredSchema,
    WelfareCaseClosedSchema,
    RemittanceRecordedSchema,
  )
  onStep(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }
}
