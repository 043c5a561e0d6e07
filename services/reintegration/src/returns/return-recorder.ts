import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ReturnRecordedSchema, ReturneeRecordOpenedSchema, SEX_ON_THE_WIRE, buildEvent, type EventRecorder, type SexName } from '@corridor/events';
import { CaseOpener } from '../cases/case-opener';
import { KnownJourney } from '../journeys/known-journey.entity';
import { ReturnRecord } from './return-record.entity';
import type { ReturnWrites } from './chunk-writes';
import { RETURN_SIDE_ON_THE_WIRE, RETURN_STATUS_ON_THE_WIRE, RETURN_TYPE_ON_THE_WIRE, type ReturnSide, type ReturnStatusName, type ReturnTypeName } from './return.rules';


export interface ReturnToRecord {
  status: ReturnStatusName;
  type: ReturnTypeName;
  returnDate: string;
  checkpoint: string;
  reason: string;
  batchId?: string;
  rowKey?: string;
}

/**
 * The one way a return is written, for a single return and for each row of a mass-return list:
 * the return row, ReturnRecorded on the journey's topic (the corridor's when it went abroad along
 * one, so both ends see it), and at origin the reintegration case once the return happened.
 */
@Injectable()
export class ReturnRecorder {
  constructor(private readonly cases: CaseOpener) {}

  /** A minimal record (a new journey) for a returnee this node never sent abroad. */
  async openIrregular(
    writes: ReturnWrites,
    facts: { origin: string; sex: SexName; birthYear: number | null; returnedFrom: string; batchId?: string; documentIndex?: string | null; by: EventRecorder; at: Date },
  ): Promise<KnownJourney> {
    const journey = Object.assign(new KnownJourney(), {
      journeyId: uuidv7(),
      workerId: null,
      origin: facts.origin,
      destination: null,
      sex: facts.sex,
      birthYear: facts.birthYear,
      documentIndex: facts.documentIndex ?? null,
      irregular: true,
      registeredAt: facts.at,
    });
    await writes.insert(KnownJourney, journey);
    const opened = buildEvent({
      stage: 'reintegration',
      by: facts.by,
      journeyId: journey.journeyId,
      corridor: { origin: facts.origin },
      occurredAt: facts.at,
      schema: ReturneeRecordOpenedSchema,
      payload: create(ReturneeRecordOpenedSchema, {
        returneeId: journey.journeyId,
        sex: SEX_ON_THE_WIRE[facts.sex],
        birthYear: facts.birthYear ?? 0,
        returnedFrom: facts.returnedFrom,
        massReturnBatchId: facts.batchId ?? '',
      }),
    });
    await writes.publish(opened.topic, opened.event);
    return journey;
  }

  async record(
    manager: EntityManager,
    writes: ReturnWrites,
    journey: KnownJourney,
    input: ReturnToRecord & { returnedFrom: string; side: ReturnSide; by: EventRecorder; at: Date; existing?: ReturnRecord; isNew?: boolean; newCase?: boolean },
  ): Promise<ReturnRecord> {
    const record = manager.create(ReturnRecord, {
      id: input.existing?.id ?? uuidv7(),
      journeyId: journey.journeyId,
      status: input.status,
      type: input.type,
      returnDate: input.returnDate,
      checkpoint: input.checkpoint,
      recordedBySide: input.side,
      origin: journey.origin,
      destination: journey.destination,
      returnedFrom: input.returnedFrom,
      sex: journey.sex,
      reason: input.reason,
      batchId: input.batchId ?? null,
      rowKey: input.rowKey ?? null,
      authoredBy: input.by.country,
      recordedBy: input.by.subject,
      recordedAt: input.at,
    });
    // A return the caller knows to be new is inserted outright (no read first): a mass-return chunk writes hundreds.
    if (input.isNew && !input.existing) await writes.insert(ReturnRecord, record);
    else await manager.save(ReturnRecord, record);
    const recorded = buildEvent({
      stage: 'reintegration',
      by: input.by,
      journeyId: journey.journeyId,
      corridor: { origin: journey.origin, destination: journey.destination ?? undefined },
      occurredAt: input.at,
      schema: ReturnRecordedSchema,
      payload: create(ReturnRecordedSchema, {
        returnId: record.id,
        status: RETURN_STATUS_ON_THE_WIRE[input.status],
        type: RETURN_TYPE_ON_THE_WIRE[input.type],
        returnDate: input.returnDate,
        checkpoint: input.checkpoint,
        recordedBy: RETURN_SIDE_ON_THE_WIRE[input.side],
        returnedFrom: input.returnedFrom,
        sex: SEX_ON_THE_WIRE[journey.sex as SexName] ?? 0,
        workerId: journey.workerId ?? '',
        massReturnBatchId: input.batchId ?? '',
        reason: input.reason,
      }),
    });
    await writes.publish(recorded.topic, recorded.event);
    if (input.status === 'happened' && journey.origin === input.by.country) {
      await this.cases.openOnReturn(manager, writes, { journeyId: journey.journeyId, returnId: record.id, origin: journey.origin, sex: journey.sex, by: input.by, at: input.at, knownNew: input.newCase });
    }
    return record;
  }
}
