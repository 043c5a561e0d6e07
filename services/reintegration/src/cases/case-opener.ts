import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ReintegrationCaseOpenedSchema, SEX_ON_THE_WIRE, buildEvent, type EventRecorder, type SexName } from '@corridor/events';
import type { ReturnWrites } from '../returns/chunk-writes';
import { isoDay } from '@corridor/reference-data';
import { ReintegrationCase } from './reintegration-case.entity';

/**
 * Opens the reintegration case of a returnee at origin when a return happened, whoever recorded
 * it (the caseworker here, or the destination's report arriving on the corridor topic). One case
 * per journey: a second return event finds it and opens nothing.
 */
@Injectable()
export class CaseOpener {
  async openOnReturn(
    manager: EntityManager,
    writes: ReturnWrites,
    facts: { journeyId: string; returnId: string; origin: string; sex: string; by: EventRecorder; at: Date; knownNew?: boolean },
  ): Promise<string | undefined> {
    const id = uuidv7();
    const values = { id, journeyId: facts.journeyId, returnId: facts.returnId, origin: facts.origin, sex: facts.sex, status: 'open' as const, openedOn: isoDay(facts.at), openedAt: facts.at, closedOn: null, closeReason: null, planVersion: 0, planGoals: [] };
    // A journey its caller knows has no case yet (opened in this very chunk) takes the buffered insert.
    if (facts.knownNew) await writes.insert(ReintegrationCase, values);
    const inserted = facts.knownNew ? { raw: [{ id }] } : await manager
      .createQueryBuilder()
      .insert()
      .into(ReintegrationCase)
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (!inserted.raw.length) return undefined;
    const opened = buildEvent({
      stage: 'reintegration',
      by: facts.by,
      journeyId: facts.journeyId,
      corridor: { origin: facts.origin },
      occurredAt: facts.at,
      schema: ReintegrationCaseOpenedSchema,
      payload: create(ReintegrationCaseOpenedSchema, { caseId: id, returnId: facts.returnId, openedOn: isoDay(facts.at), sex: SEX_ON_THE_WIRE[facts.sex as SexName] ?? 0 }),
    });
    await writes.publish(opened.topic, opened.event);
    return id;
  }
}
