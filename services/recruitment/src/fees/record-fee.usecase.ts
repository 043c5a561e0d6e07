import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import type { Officer } from '@corridor/auth';
import { FeeBreachFlaggedSchema, FeePaidSchema, buildEvent, systemActor } from '@corridor/events';
import { UnknownReferenceProblem, assertNotInFuture } from '@corridor/http';
import { WriteUseCase } from '@corridor/service-runtime';
import { Agency } from '../agencies/agency.entity';
import { journeyCorridor } from '../common/journey-events';
import { findWorkerFor } from '../workers/worker-access';
import type { Worker } from '../workers/worker.entity';
import { FeeCaps, InjectFeeCaps, compareWithCap, type FeeCap } from './fee-caps';
import { feeBreachFlagged } from './fee-events';
import { FeeBreach } from './fee-breach.entity';
import { FeePayment } from './fee-payment.entity';
import type { RecordFeeCommand } from './fee.commands';
import { breachView, feeView, type RecordedFeeView } from './fee.views';

/**
 * Records a payment the worker made and compares what the worker paid in total with the
 * corridor's cap. Above the cap the journey gets (or keeps, with new totals) one open fee-breach
 * flag that blocks departure.
 */
@Injectable()
export class RecordFeeUseCase extends WriteUseCase {
  constructor(@InjectFeeCaps() private readonly caps: FeeCaps) {
    super();
  }

  async execute(workerId: string, command: RecordFeeCommand, officer: Officer, today = new Date()): Promise<RecordedFeeView> {
    assertNotInFuture('paidOn', command.paidOn, today);
    const origin = this.config.country;
    return this.outbox.transaction(async ({ manager, publish }) => {
      const worker = await findWorkerFor(manager, officer, origin, workerId, true);
      if (command.payeeAgencyId && !(await manager.existsBy(Agency, { id: command.payeeAgencyId }))) {
        throw new UnknownReferenceProblem('payeeAgencyId', `payeeAgencyId ${command.payeeAgencyId} names no agency licensed by ${origin}; give a registered agency's id, or payeeName for anyone else`);
      }
      const fee = manager.create(FeePayment, {
        id: uuidv7(),
        workerId: worker.id,
        journeyId: worker.journeyId,
        amountMinor: String(command.amountMinor),
        currency: command.currency,
        purpose: command.purpose,
        payeeAgencyId: command.payeeAgencyId ?? null,
        payeeName: command.payeeName ?? null,
        paidOn: command.paidOn,
        recordedBy: officer.subject,
        recordedAt: new Date(),
      });
      await manager.insert(FeePayment, fee);
      await this.audit.record(manager, { actor: officer, action: 'fee.record', targetType: 'worker', targetId: worker.id, reason: `${command.purpose}: ${command.amountMinor} ${command.currency} (minor units)` });
      const corridor = journeyCorridor(origin, worker);
      const paid = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: worker.journeyId,
        corridor,
        schema: FeePaidSchema,
        payload: create(FeePaidSchema, {
          feeId: fee.id,
          workerId: worker.id,
          amount: { amountMinor: BigInt(command.amountMinor), currency: command.currency },
          purpose: fee.purpose,
          payeeAgencyId: fee.payeeAgencyId ?? '',
          payeeName: fee.payeeName ?? '',
          paidOn: fee.paidOn,
        }),
      });
      await publish(paid.topic, paid.event);
      const destination = worker.nominatedDestination ?? worker.intendedDestination;
      const breach = await this.flagAboveCap(manager, worker, fee, this.caps.of(origin, destination), `${origin}>${destination ?? '?'}`);
      if (breach) {
        // The fee paid is what breached the cap.
        const flagged = buildEvent({ stage: 'recruitment', by: officer, journeyId: worker.journeyId, corridor, schema: FeeBreachFlaggedSchema, payload: feeBreachFlagged(breach), causedBy: paid.event });
        await publish(flagged.topic, flagged.event);
      }
      return { fee: feeView(fee), breach: breach ? breachView(breach) : null };
    });
  }

  /** The breach to announce after this fee (new or updated), or undefined when the cap holds. */
  private async flagAboveCap(manager: EntityManager, worker: Worker, fee: FeePayment, cap: FeeCap, corridor: string): Promise<FeeBreach | undefined> {
    const currency = fee.currency;
    // Every payment of the journey, this one included (same transaction): the rule counts the total.
    const payments = await manager.find(FeePayment, { where: { journeyId: worker.journeyId }, select: { amountMinor: true, currency: true } });
    const { paidTotalMinor: paidTotal, excessMinor, breach: reason } = compareWithCap(cap, payments, currency, corridor);
    if (reason === undefined) return undefined;
    const open = await manager.findOne(FeeBreach, { where: { journeyId: worker.journeyId, status: 'open' }, lock: { mode: 'pessimistic_write' } });
    if (open) {
      if (open.currency === currency) {
        open.paidTotalMinor = String(paidTotal);
        open.excessMinor = String(excessMinor);
      }
      open.reason = reason;
      await manager.update(FeeBreach, { id: open.id }, { paidTotalMinor: open.paidTotalMinor, excessMinor: open.excessMinor, reason });
      return open;
    }
    const breach = manager.create(FeeBreach, {
      id: uuidv7(),
      workerId: worker.id,
      journeyId: worker.journeyId,
      feeId: fee.id,
      agencyId: worker.agencyId,
      corridor,
      capMinor: String(cap.amountMinor),
      capCurrency: cap.currency || currency,
      paidTotalMinor: String(paidTotal),
      excessMinor: String(excessMinor),
      currency,
      reason,
      status: 'open',
      resolutionReason: null,
      raisedAt: new Date(),
      resolvedAt: null,
    });
    await manager.insert(FeeBreach, breach);
    await this.audit.record(manager, { actor: systemActor(this.config.country, 'fee-cap'), action: 'fee-breach.flag', targetType: 'worker', targetId: worker.id, reason });
    return breach;
  }
}
