import { Controller } from '@nestjs/common';
import { WorkerMatchedSchema, WorkerNominatedSchema, WorkerRegisteredSchema, occurredAt, sexName, type Sex } from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';

/**
 * The journeys a return can be recorded for: registered by this node (WorkerRegistered, with the
 * document's blind index that a mass-return list is matched on), or put on a destination's name
 * list along a corridor (the destination knows the journey from then on). Upserts, so the order in
 * which the country and corridor topics deliver does not matter.
 */
@Controller()
export class KnownJourneysProjector {
  @HandlesEvent(WorkerRegisteredSchema)
  async onRegistered(event: ReceivedEventOf<typeof WorkerRegisteredSchema>): Promise<void> {
    const p = event.payload;
    await this.upsert(event, { workerId: p.workerId, sex: p.sex, birthYear: p.birthYear, documentIndex: p.documentIndex || null });
  }

  @HandlesEvent(WorkerNominatedSchema)
  async onNominated(event: ReceivedEventOf<typeof WorkerNominatedSchema>): Promise<void> {
    await this.upsert(event, { workerId: event.payload.workerId, sex: event.payload.sex, birthYear: event.payload.birthYear, destination: event.payload.destination });
  }

  @HandlesEvent(WorkerMatchedSchema)
  async onMatched(event: ReceivedEventOf<typeof WorkerMatchedSchema>): Promise<void> {
    await this.upsert(event, { workerId: event.payload.workerId, sex: event.payload.sex, birthYear: event.payload.birthYear, destination: event.payload.destination });
  }

  private async upsert(event: ReceivedEvent, facts: { workerId: string; sex: Sex; birthYear: number; documentIndex?: string | null; destination?: string }): Promise<void> {
    const { envelope, manager } = event;
    await manager.query(
      `INSERT INTO known_journey (journey_id, worker_id, origin, destination, sex, birth_year, document_index, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (journey_id) DO UPDATE SET
         destination = COALESCE(known_journey.destination, EXCLUDED.destination),
         document_index = COALESCE(known_journey.document_index, EXCLUDED.document_index),
         sex = CASE WHEN known_journey.sex = 'unknown' THEN EXCLUDED.sex ELSE known_journey.sex END`,
      [
        envelope.journeyId,
        facts.workerId || null,
        envelope.corridor?.origin || envelope.recordedBy?.country || '',
        facts.destination || envelope.corridor?.destination || null,
        sexName(facts.sex),
        facts.birthYear || null,
        facts.documentIndex ?? null,
        occurredAt(envelope),
      ],
    );
  }
}
