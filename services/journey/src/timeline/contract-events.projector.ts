import { Controller } from '@nestjs/common';
import { ContractAmendedSchema, ContractDraftedSchema, ContractRegisteredAtDestinationSchema, ContractRejectedSchema, ContractSignedSchema, ContractSubstitutionDetectedSchema, ContractSubstitutionResolvedSchema, ContractVerifiedSchema } from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { TimelineRecorder } from './timeline-recorder';

/**
 * The contract stage's events on the journey read model. A contract substitution opens a flag
 * that blocks departure until it is resolved; the deployment stage checks open blocking flags.
 */
@Controller()
export class ContractEventsProjector {
  constructor(private readonly recorder: TimelineRecorder) {}

  @HandlesEvent(ContractDraftedSchema, ContractSignedSchema, ContractVerifiedSchema, ContractRejectedSchema, ContractAmendedSchema, ContractRegisteredAtDestinationSchema)
  onStep(event: ReceivedEvent): Promise<void> {
    return this.recorder.record(event);
  }

  @HandlesEvent(ContractSubstitutionDetectedSchema)
  async onSubstitutionDetected(event: ReceivedEventOf<typeof ContractSubstitutionDetectedSchema>): Promise<void> {
    await this.recorder.record(event);
    const changed = event.payload.changedTerms.map((t) => `${t.term}: ${t.verifiedValue} → ${t.newValue} (${t.whyWorse})`).join('; ');
    await this.recorder.raiseFlag(event, {
      flagId: event.payload.flagId,
      kind: 'contract-substitution',
      reason: `contract substitution (${event.payload.source}): ${changed}`,
      blocksDeparture: event.payload.blocksDeparture,
    });
  }

  @HandlesEvent(ContractSubstitutionResolvedSchema)
  async onSubstitutionResolved(event: ReceivedEventOf<typeof ContractSubstitutionResolvedSchema>): Promise<void> {
    await this.recorder.record(event);
    await this.recorder.resolveFlag(event, event.payload.flagId, event.payload.decision, event.payload.reason);
  }
}
