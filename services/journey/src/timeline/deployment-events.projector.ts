import { Controller } from '@nestjs/common';
import {
  ArrivalConfirmedSchema,
  ArrivalDiscrepancyFlaggedSchema,
  BorderCrossedSchema,
  DepartureRecordedSchema,
  EmployerChangedSchema,
  ExitClearanceGrantedSchema,
  ExitClearanceRefusedSchema,
  ExitClearanceRevokedSchema,
  MissingArrivalFlaggedSchema,
  PreDepartureInsuranceRecordedSchema,
  WorkPermitExpiredFlaggedSchema,
  WorkPermitExpiringFlaggedSchema,
  WorkPermitExtendedSchema,
  WorkPermitIssuedSchema,
} from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { TimelineRecorder } from './timeline-recorder';

/**
 * The deployment stage's events on the journey timeline (both nodes: every deployment event
 * crosses the corridor). The clearance's sealed identity never reaches the timeline.
 */
@Controller()
export class DeploymentEventsProjector {
  constructor(private readonly recorder: TimelineRecorder) {}

  @HandlesEvent(ExitClearanceGrantedSchema)
  onGranted(event: ReceivedEventOf<typeof ExitClearanceGrantedSchema>): Promise<void> {
    return this.recorder.recordOpen(event, { personDataShared: event.payload.sealedPersonData.length > 0 });
  }

  @HandlesEvent(PreDepartureInsuranceRecordedSchema)
  onPreDepartureInsuranceRecorded(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(ExitClearanceRefusedSchema)
  onExitClearanceRefused(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(ExitClearanceRevokedSchema)
  onExitClearanceRevoked(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(DepartureRecordedSchema)
  onDepartureRecorded(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(BorderCrossedSchema)
  onBorderCrossed(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(ArrivalConfirmedSchema)
  onArrivalConfirmed(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(ArrivalDiscrepancyFlaggedSchema)
  onArrivalDiscrepancyFlagged(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(MissingArrivalFlaggedSchema)
  onMissingArrivalFlagged(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(WorkPermitIssuedSchema)
  onWorkPermitIssued(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(WorkPermitExtendedSchema)
  onWorkPermitExtended(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(WorkPermitExpiringFlaggedSchema)
  onWorkPermitExpiringFlagged(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(WorkPermitExpiredFlaggedSchema)
  onWorkPermitExpiredFlagged(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }

  @HandlesEvent(EmployerChangedSchema)
  onEmployerChanged(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }
}
