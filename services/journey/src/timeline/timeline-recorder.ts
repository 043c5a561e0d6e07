import { Injectable, Logger } from '@nestjs/common';
import { toJson, type JsonObject } from '@bufbuild/protobuf';
import { occurredAt, stageOfTopic } from '@corridor/events';
import { logLeftOut, type ReceivedEvent } from '@corridor/messaging';
import { JourneyFlag } from './journey-flag.entity';
import { refusalToResolve } from './journey-flag-lifecycle';
import { Journey } from './journey.entity';
import { TimelineEntry } from './timeline-entry.entity';

export interface RaisedFlag {
  flagId: string;
  kind: string;
  reason: string;
  blocksDeparture: boolean;
}

/**
 * Writes one event into the read model — the journey row, its timeline entry, its flags —
 * through the consumer's inbox transaction, so each event lands exactly once.
 */
@Injectable()
export class TimelineRecorder {
  private readonly logger = new Logger(TimelineRecorder.name);

  /**
   * The event with its open fields as the entry's details (what the statistics read); sealed
   * fields (person data, case text sealed for the other end) never land on a timeline.
   */
  recordOpen(event: ReceivedEvent, extra: JsonObject = {}): Promise<void> {
    const json = toJson(event.schema, event.payload as never) as JsonObject;
    const open = Object.fromEntries(Object.entries(json).filter(([key]) => !key.startsWith('sealed')));
    return this.record(event, {}, { ...open, ...extra });
  }

  async record(event: ReceivedEvent, journeyFacts: Partial<Pick<Journey, 'agencyId'>> = {}, details?: JsonObject): Promise<void> {
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

  /** Opens a flag on the journey, or updates its reason when a later event restates it. */
  async raiseFlag(event: ReceivedEvent, flag: RaisedFlag): Promise<void> {
    await event.manager
      .createQueryBuilder()
      .insert()
      .into(JourneyFlag)
      .values({ ...flag, journeyId: event.envelope.journeyId, raisedAt: occurredAt(event.envelope), raisedByEvent: event.envelope.eventId })
      .orUpdate(['reason', 'blocks_departure'], ['flag_id'])
      .execute();
  }

  /** Resolves the flag along its lifecycle; a resolution the lifecycle refuses (e.g. a second one) is left out. */
  async resolveFlag(event: ReceivedEvent, flagId: string, resolution: string, reason: string): Promise<void> {
    const flag = await event.manager.findOne(JourneyFlag, { where: { flagId }, lock: { mode: 'pessimistic_write' } });
    if (!flag) return logLeftOut(this.logger, event, `flag ${flagId} is not held here`);
    const refused = refusalToResolve(flag, resolution);
    if (refused) return logLeftOut(this.logger, event, refused.detail);
    await event.manager.update(JourneyFlag, { flagId }, { resolvedAt: occurredAt(event.envelope), resolution, resolutionReason: reason });
  }
}
