import { Controller } from '@nestjs/common';
import { toJson, type JsonObject } from '@bufbuild/protobuf';
import { WorkerRegisteredSchema, occurredAt, stageOfTopic } from '@corridor/events';
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

  private async record(event: ReceivedEvent, journeyFacts: Partial<Pick<Journey, 'agencyId'>> = {}): Promise<void> {
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
      details: toJson(event.schema, event.payload as never) as JsonObject,
    });
    await manager.insert(TimelineEntry, entry);
  }
}
