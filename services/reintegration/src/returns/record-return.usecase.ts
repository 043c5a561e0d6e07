import { Injectable } from '@nestjs/common';
import { decideAccess, type Officer } from '@corridor/auth';
import { NotFoundProblem } from '@corridor/http';
import { isCalendarDate, isInTheFuture } from '@corridor/reference-data';
import { WriteUseCase } from '@corridor/service-runtime';
import { KnownJourney } from '../journeys/known-journey.entity';
import { ReturnRecord } from './return-record.entity';
import { immediateWrites } from './chunk-writes';
import { ReturnRecorder } from './return-recorder';
import { mayRecordOver, type ReturnSide } from './return.rules';
import type { RecordReturnCommand } from './returns.commands';
import { ReturnAlreadyRecorded, ReturnNotRecordable } from './returns.errors';
import { returnView, type ReturnView } from './return.views';

/**
 * Either end records a return: the destination reports a departure home, the origin a re-entry
 * (or a returnee it never sent abroad, who gets a minimal record). A planned return may be
 * restated or become happened; a happened one is final.
 */
@Injectable()
export class RecordReturnUseCase extends WriteUseCase {
  constructor(private readonly recorder: ReturnRecorder) {
    super();
  }

  async execute(command: RecordReturnCommand, officer: Officer, today = new Date()): Promise<ReturnView> {
    if (!isCalendarDate(command.returnDate)) throw new ReturnNotRecordable(`returnDate ${command.returnDate} is not a calendar date`, 'returnDate');
    if (command.status === 'happened' && isInTheFuture(command.returnDate, today)) throw new ReturnNotRecordable(`a return that happened cannot be dated ${command.returnDate}, in the future`, 'returnDate');
    if (!command.journeyId) {
      if (!command.sex) throw new ReturnNotRecordable('a returnee without a journey needs sex (female, male or other): every statistic is by sex', 'sex');
      if (!command.returnedFrom) throw new ReturnNotRecordable('a returnee without a journey needs returnedFrom, the country returned from', 'returnedFrom');
      if (command.returnedFrom === this.config.country) throw new ReturnNotRecordable(`returnedFrom must be another country than ${this.config.country}`, 'returnedFrom');
    }
    return this.outbox.transaction(async ({ manager, publish }) => {
      const at = new Date();
      let journey: KnownJourney | null;
      let side: ReturnSide;
      if (command.journeyId) {
        journey = await manager.findOne(KnownJourney, { where: { journeyId: command.journeyId }, lock: { mode: 'pessimistic_write' } });
        const owner = journey && { origin: journey.origin, destination: journey.destination, sharedWithDestination: true };
        const decision = owner && decideAccess(officer, 'return.record', this.config.country, owner);
        if (!journey || !decision?.allowed) throw new NotFoundProblem('journey', command.journeyId);
        side = decision.side ?? 'origin';
      } else {
        // Only the origin takes a returnee it never sent abroad.
        if (!decideAccess(officer, 'return.record', this.config.country, { origin: this.config.country, destination: null, sharedWithDestination: false }).allowed) {
          throw new ReturnNotRecordable('only the origin records a returnee without a journey; name the journeyId', 'journeyId');
        }
        journey = await this.recorder.openIrregular(immediateWrites(manager, publish), {
          origin: this.config.country,
          sex: command.sex!,
          birthYear: command.birthYear ?? null,
          returnedFrom: command.returnedFrom!,
          by: officer,
          at,
        });
        side = 'origin';
      }
      const existing = (await manager.findOneBy(ReturnRecord, { journeyId: journey.journeyId })) ?? undefined;
      if (!mayRecordOver(existing)) throw new ReturnAlreadyRecorded(journey.journeyId, existing!.id);
      const record = await this.recorder.record(manager, immediateWrites(manager, publish), journey, {
        status: command.status,
        type: command.type,
        returnDate: command.returnDate,
        checkpoint: command.checkpoint,
        reason: command.reason ?? '',
        returnedFrom: command.returnedFrom ?? journey.destination ?? '',
        side,
        by: officer,
        at,
        existing,
      });
      await this.audit.record(manager, { actor: officer, action: 'return.record', targetType: 'return', targetId: record.id, reason: `${command.status} ${command.type} return` });
      return returnView(record);
    });
  }
}
