import { Controller } from '@nestjs/common';
import { toJson, type JsonObject } from '@bufbuild/protobuf';
import {
  ArrivalConfirmedSchema,
  ArrivalDiscrepancyFlaggedSchema,
  BorderCrossedSchema,
  DepartureRecordedSchema,
  EmployerChangedSchema,
  ExitClearanceGrantedSchema,
  ExitClearanceRefusedSchema,
  ExitClearanceRevokedSchema,
  GrievanceAssignedSchema,
  GrievanceClosedSchema,
  GrievanceEscalatedSchema,
  GrievanceFiledSchema,
  GrievanceOverdueFlaggedSchema,
  GrievanceResolvedSchema,
  GrievanceStatusChangedSchema,
  MissingArrivalFlaggedSchema,
  PreDepartureInsuranceRecordedSchema,
  RemittanceRecordedSchema,
  SchemeEnrolmentRecordedSchema,
  WelfareCaseClosedSchema,
  WelfareCaseNotedSchema,
  WelfareCaseOpenedSchema,
  WelfareCaseReferredSchema,
  WorkPermitExpiredFlaggedSchema,
  WorkPermitExpiringFlaggedSchema,
  WorkPermitExtendedSchema,
  WorkPermitIssuedSchema,
  WorkerUninsuredFlagClearedSchema,
  WorkerUninsuredFlaggedSchema,
} from '@corridor/events';
import { HandlesEvent, type ReceivedEvent } from '@corridor/messaging';
import { TimelineRecorder } from './timeline-recorder';

/**
 * The deployment and social-protection stages on the timeline (and so in the statistics, which
 * read the timeline). Sealed fields (person data, case text sealed for the other end) never land
 * on a timeline: only whether the event carried some. The stages' own flags and their lifecycles
 * stay with their services until those services add them here.
 */
@Controller()
export class DeploymentAndProtectionEventsProjector {
  constructor(private readonly recorder: TimelineRecorder) {}

  @HandlesEvent(PreDepartureInsuranceRecordedSchema) onPreDepartureInsuranceRecorded(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(ExitClearanceRefusedSchema) onExitClearanceRefused(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(ExitClearanceGrantedSchema) onExitClearanceGranted(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(ExitClearanceRevokedSchema) onExitClearanceRevoked(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(DepartureRecordedSchema) onDepartureRecorded(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(BorderCrossedSchema) onBorderCrossed(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(ArrivalConfirmedSchema) onArrivalConfirmed(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(ArrivalDiscrepancyFlaggedSchema) onArrivalDiscrepancyFlagged(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(MissingArrivalFlaggedSchema) onMissingArrivalFlagged(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WorkPermitIssuedSchema) onWorkPermitIssued(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WorkPermitExtendedSchema) onWorkPermitExtended(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WorkPermitExpiringFlaggedSchema) onWorkPermitExpiringFlagged(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WorkPermitExpiredFlaggedSchema) onWorkPermitExpiredFlagged(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(EmployerChangedSchema) onEmployerChanged(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(SchemeEnrolmentRecordedSchema) onSchemeEnrolmentRecorded(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WorkerUninsuredFlaggedSchema) onWorkerUninsuredFlagged(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WorkerUninsuredFlagClearedSchema) onWorkerUninsuredFlagCleared(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(GrievanceFiledSchema) onGrievanceFiled(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(GrievanceAssignedSchema) onGrievanceAssigned(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(GrievanceStatusChangedSchema) onGrievanceStatusChanged(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(GrievanceResolvedSchema) onGrievanceResolved(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(GrievanceClosedSchema) onGrievanceClosed(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(GrievanceOverdueFlaggedSchema) onGrievanceOverdueFlagged(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(GrievanceEscalatedSchema) onGrievanceEscalated(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WelfareCaseOpenedSchema) onWelfareCaseOpened(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WelfareCaseNotedSchema) onWelfareCaseNoted(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WelfareCaseReferredSchema) onWelfareCaseReferred(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(WelfareCaseClosedSchema) onWelfareCaseClosed(e: ReceivedEvent) { return this.recordOpen(e); }
  @HandlesEvent(RemittanceRecordedSchema) onRemittanceRecorded(e: ReceivedEvent) { return this.recordOpen(e); }

  private recordOpen(event: ReceivedEvent): Promise<void> {
    const json = toJson(event.schema, event.payload as never) as JsonObject;
    const open = Object.fromEntries(Object.entries(json).filter(([key]) => !key.startsWith('sealed')));
    return this.recorder.record(event, {}, open);
  }
}
