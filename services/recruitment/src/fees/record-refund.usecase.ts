import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { FeeBreachResolvedSchema, FeeRefundedSchema, buildEvent } from '@corridor/events';
import { FEE_BREACH_LIFECYCLE } from '@corridor/state-machine';
import { assertNotInFuture } from '@corridor/http';
import { journeyCorridor } from '../common/journey-events';
import { Worker } from '../workers/worker.entity';
import { findBreachFor } from './breach-access';
import { RefundCurrencyMismatch } from './fees.errors';
import { FeeBreach } from './fee-breach.entity';
import { FeeRefund } from './fee-refund.entity';
import type { RecordRefundCommand } from './fee.commands';
import { breachView, type BreachView } from './fee.views';

/** Records money given back to the worker; once refunds cover the excess the breach is resolved. */
@Injectable()
export class RecordRefundUseCase extends WriteUseCase {
  async execute(breachId: string, command: RecordRefundCommand, officer: Officer, today = new Date()): Promise<BreachView> {
    assertNotInFuture('refundedOn', command.refundedOn, today);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const breach = await findBreachFor(manager, officer, breachId, true);
      const resolvedStatus = FEE_BREACH_LIFECYCLE.next(breach, 'refund');
      if (command.currency !== breach.currency) {
        throw new RefundCurrencyMismatch(breach.currency, command.currency);
      }
      const worker = await manager.findOneOrFail(Worker, { where: { id: breach.workerId } });
      const refund = manager.create(FeeRefund, { id: uuidv7(), breachId: breach.id, amountMinor: String(command.amountMinor), currency: command.currency, refundedOn: command.refundedOn, recordedBy: officer.subject, recordedAt: new Date() });
      await manager.insert(FeeRefund, refund);
      const refunds = await manager.find(FeeRefund, { where: { breachId: breach.id }, order: { recordedAt: 'ASC' } });
      const refunded = refunds.reduce((sum, r) => sum + Number(r.amountMinor), 0);
      const covered = refunded >= Number(breach.excessMinor);
      if (covered) {
        breach.status = resolvedStatus;
        breach.resolutionReason = `refunded ${refunded} ${breach.currency} (minor units), covering the excess of ${breach.excessMinor}`;
        breach.resolvedAt = new Date();
        await manager.update(FeeBreach, { id: breach.id }, { status: breach.status, resolutionReason: breach.resolutionReason, resolvedAt: breach.resolvedAt });
      }
      await this.audit.record(manager, { actor: officer, action: 'fee-breach.refund', targetType: 'worker', targetId: worker.id, reason: `refund ${command.amountMinor} ${command.currency} against breach ${breach.id}`, details: { covered } });
      const along = { stage: 'recruitment', by: officer, journeyId: worker.journeyId, corridor: journeyCorridor(this.config.country, worker) } as const;
      const refundedEvent = buildEvent({
        ...along,
        schema: FeeRefundedSchema,
        payload: create(FeeRefundedSchema, {
          refundId: refund.id,
          breachId: breach.id,
          workerId: worker.id,
          amount: { amountMinor: BigInt(command.amountMinor), currency: command.currency },
          refundedOn: command.refundedOn,
        }),
      });
      await publish(refundedEvent.topic, refundedEvent.event);
      if (covered) {
        const resolved = buildEvent({
          ...along,
          // The refund is what resolved the breach.
          causedBy: refundedEvent.event,
          schema: FeeBreachResolvedSchema,
          payload: create(FeeBreachResolvedSchema, { breachId: breach.id, workerId: worker.id, resolution: 'refunded', reason: breach.resolutionReason ?? '' }),
        });
        await publish(resolved.topic, resolved.event);
      }
      return breachView(breach, refunds);
    });
  }
}
