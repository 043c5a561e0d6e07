import { Controller } from '@nestjs/common';
import { toJson, type JsonObject } from '@bufbuild/protobuf';
import { ConsentToShareWithdrawnSchema, WorkerNominatedSchema, WorkerRegisteredSchema, occurredAt, stageOfTopic } from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { Journey } from './journey.entity';
import { TimelineEntry } from './timeline-entry.entity';

/**
 * Builds the journey read model from events. Runs inside the consumer's transaction with the
 * inbox entry, so each event lands on the timeline exactly once.
 */
@Controller()
export class TimelineProjector {
  @HandlesEvent(WorkerRegisteredSchema)
  async onWorkerRegistered(event: ReceivedEventOf<typeof WorkerRegisteredSchema>): Promise<void> {
    await this.record(event, { agencyId: event.payload.registeringAgencyId || null });
  }

  @HandlesEvent(WorkerNominatedSchema)
  async onWorkerNominated(event: ReceivedEventOf<typeof WorkerNominatedSchema>): Promise<void> {
    // The timeline never holds person data, not even sealed: it says only whether some was shared.
    const { sealedPersonData: _sealed, ...rest } = toJson(WorkerNominatedSchema, event.payload) as JsonObject;
    await this.record(event, {}, { ...rest, personDataShared: event.payload.sealedPersonData.length > 0 });
  }

  @HandlesEvent(ConsentToShareWithdrawnSchema)
  async onConsentToShareWithdrawn(event: ReceivedEventOf<typeof ConsentToShareWithdrawnSchema>): Promise<void> {
    await this.record(event);
  }

  private async record(event: ReceivedEvent, journeyFacts: Partial<Pick<Journey, 'agencyId'>> = {}, details?: JsonObject): Promise<void> {
    const { envelope, manager } = event;
    const at = occurredAt(envelope);
    const crossBorder = Boolean(envelope.corridor?.destination);
    await manager
      .createQueryBuilder()
      .insert()
      .into(Journey)
      .values({
        id: envelope.journeyId,
        origin: envelope.corridor?.origin ?? envelope.recordedBy?.country ?? '',
        destination: envelope.corridor?.destination || null,
        sharedWithDestinationAt: crossBorder ? at : null,
        agencyId: journeyFacts.agencyId ?? null,
        openedAt: at,
      })
      .orIgnore()
      .execute();
    if (crossBorder) {
      await manager.query(
        `UPDATE journey SET destination = COALESCE(destination, $2),
                shared_with_destination_at = LEAST(COALESCE(shared_with_destination_at, $3), $3)
          WHERE id = $1`,
        [envelope.journeyId, envelope.corridor!.destination, at],
      );
    }
    const entry = manager.create(TimelineEntry, {
      eventId: envelope.eventId,
      journeyId: envelope.journeyId,
      eventType: envelope.eventType,
      stage: stageOfTopic(event.topic) ?? 'unknown',
      occurredAt: at,
      recordedByCountry: envelope.recordedBy?.country ?? '',
      recordedByAgency: envelope.recordedBy?.agencyId || null,
      recordedByOfficer: envelope.recordedBy?.officerId || null,
      topic: event.topic,
      details: details ?? (toJson(event.schema, event.payload as never) as JsonObject),
    });
    await manager.insert(TimelineEntry, entry);
  }
}
