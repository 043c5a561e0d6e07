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

  @HandlesEvent(
    PreDepartureInsuranceRecordedSchema,
    ExitClearanceRefusedSchema,
    ExitClearanceRevokedSchema,
    DepartureRecordedSchema,
    BorderCrossedSchema,
    ArrivalConfirmedSchema,
    ArrivalDiscrepancyFlaggedSchema,
    MissingArrivalFlaggedSchema,
    WorkPermitIssuedSchema,
    WorkPermitExtendedSchema,
    WorkPermitExpiringFlaggedSchema,
    WorkPermitExpiredFlaggedSchema,
    EmployerChangedSchema,
  )
  onStep(event: ReceivedEvent): Promise<void> {
    return this.recorder.recordOpen(event);
  }
}
