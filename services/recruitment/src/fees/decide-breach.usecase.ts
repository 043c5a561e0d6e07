import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { FeeBreachResolvedSchema, buildEvent } from '@corridor/events';
import { FEE_BREACH_LIFECYCLE } from '@corridor/state-machine';
import { journeyCorridor } from '../common/journey-events';
import { Worker } from '../workers/worker.entity';
import { findBreachFor } from './breach-access';
import { FeeBreach } from './fee-breach.entity';
import { FeeRefund } from './fee-refund.entity';
import { breachView, type BreachView } from './fee.views';

/** The ministry resolves a fee breach by a decision with reason (e.g. the payment was not a recruitment cost). */
@Injectable()
export class DecideBreachUseCase extends WriteUseCase {
  async execute(breachId: string, reason: string, officer: Officer): Promise<BreachView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const breach = await findBreachFor(manager, officer, breachId, true);
      breach.status = FEE_BREACH_LIFECYCLE.next(breach, 'decide');
      breach.resolutionReason = reason;
      breach.resolvedAt = new Date();
      await manager.update(FeeBreach, { id: breach.id }, { status: breach.status, resolutionReason: reason, resolvedAt: breach.resolvedAt });
      const worker = await manager.findOneOrFail(Worker, { where: { id: breach.workerId } });
      await this.audit.record(manager, { actor: officer, action: 'fee-breach.decide', targetType: 'worker', targetId: worker.id, reason });
      const resolved = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: worker.journeyId,
        corridor: journeyCorridor(this.config.country, worker),
        schema: FeeBreachResolvedSchema,
        payload: create(FeeBreachResolvedSchema, { breachId: breach.id, workerId: worker.id, resolution: 'decision', reason }),
      });
      await publish(resolved.topic, resolved.event);
      return breachView(breach, await manager.find(FeeRefund, { where: { breachId: breach.id } }));
    });
  }
}
