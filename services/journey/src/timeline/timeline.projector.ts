import { Controller } from '@nestjs/common';
import { toJson, type JsonObject } from '@bufbuild/protobuf';
import {
  ConsentToShareWithdrawnSchema,
  FeeBreachFlaggedSchema,
  FeeBreachResolvedSchema,
  FeePaidSchema,
  FeeRefundedSchema,
  OrientationAttendedSchema,
  OrientationCompletedSchema,
  WorkerMatchedSchema,
  WorkerNominatedSchema,
  WorkerRegisteredSchema,
} from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { TimelineRecorder } from './timeline-recorder';

/** The recruitment stage's events on the journey read model (timeline entries and fee-breach flags). */
@Controller()
export class TimelineProjector {
  constructor(private readonly recorder: TimelineRecorder) {}

  @HandlesEvent(WorkerRegisteredSchema)
  async onWorkerRegistered(event: ReceivedEventOf<typeof WorkerRegisteredSchema>): Promise<void> {
    // The document's blind index is for the node's services to recognise the worker, not for readers of a timeline.
    const { documentIndex: _index, ...rest } = toJson(WorkerRegisteredSchema, event.payload) as JsonObject;
    await this.recorder.record(event, { agencyId: event.payload.registeringAgencyId || null }, rest);
  }

  @HandlesEvent(WorkerNominatedSchema)
  async onWorkerNominated(event: ReceivedEventOf<typeof WorkerNominatedSchema>): Promise<void> {
    // The timeline never holds person data, not even sealed: it says only whether some was shared.
    const { sealedPersonData: _sealed, ...rest } = toJson(WorkerNominatedSchema, event.payload) as JsonObject;
    await this.recorder.record(event, {}, { ...rest, personDataShared: event.payload.sealedPersonData.length > 0 });
  }

  @HandlesEvent(WorkerMatchedSchema)
  async onWorkerMatched(event: ReceivedEventOf<typeof WorkerMatchedSchema>): Promise<void> {
    // As for a nomination: no person data on the timeline, only whether some was shared.
    const { sealedPersonData: _sealed, ...rest } = toJson(WorkerMatchedSchema, event.payload) as JsonObject;
    await this.recorder.record(event, { agencyId: event.payload.agencyId || null }, { ...rest, personDataShared: event.payload.sealedPersonData.length > 0 });
  }

  @HandlesEvent(ConsentToShareWithdrawnSchema, OrientationAttendedSchema, OrientationCompletedSchema, FeePaidSchema, FeeRefundedSchema)
  onStep(event: ReceivedEvent): Promise<void> {
    return this.recorder.record(event);
  }

  /** Raises the flag, or updates its reason when later fees change the totals of an open breach. */
  @HandlesEvent(FeeBreachFlaggedSchema)
  async onFeeBreachFlagged(event: ReceivedEventOf<typeof FeeBreachFlaggedSchema>): Promise<void> {
    await this.recorder.record(event);
    await this.recorder.raiseFlag(event, {
      flagId: event.payload.breachId,
      kind: 'fee-breach',
      reason: event.payload.reason,
      blocksDeparture: event.payload.blocksDeparture,
    });
  }

  @HandlesEvent(FeeBreachResolvedSchema)
  async onFeeBreachResolved(event: ReceivedEventOf<typeof FeeBreachResolvedSchema>): Promise<void> {
    await this.recorder.record(event);
    await this.recorder.resolveFlag(event, event.payload.breachId, event.payload.resolution, event.payload.reason);
  }
}
