import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { FeeBreachResolvedSchema } from '@corridor/events';
import { Outbox } from '@corridor/messaging';
import { journeyEvent } from '../common/journey-events';
import { Worker } from '../workers/worker.entity';
import { findBreachFor } from './breach-access';
import { assertBreachAllows } from './fee-breach-state';
import { FeeBreach, FeeRefund } from './fee.entities';
import { breachView, type BreachView } from './fee-views';

/** The ministry resolves a fee breach by a decision with reason (e.g. the payment was not a recruitment cost). */
@Injectable()
export class DecideBreachUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async execute(breachId: string, reason: string, officer: Officer): Promise<BreachView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const breach = await findBreachFor(manager, officer, breachId, true);
      breach.status = assertBreachAllows(breach, 'decide');
      breach.resolutionReason = reason;
      breach.resolvedAt = new Date();
      await manager.update(FeeBreach, { id: breach.id }, { status: breach.status, resolutionReason: reason, resolvedAt: breach.resolvedAt });
      const worker = await manager.findOneOrFail(Worker, { where: { id: breach.workerId } });
      await this.audit.record(manager, { actor: officer, action: 'fee-breach.decide', targetType: 'worker', targetId: worker.id, reason });
      const resolved = journeyEvent(this.config.country, worker, officer, FeeBreachResolvedSchema, create(FeeBreachResolvedSchema, { breachId: breach.id, workerId: worker.id, resolution: 'decision', reason }));
      await publish(resolved.topic, resolved.event);
      return breachView(breach, await manager.find(FeeRefund, { where: { breachId: breach.id } }));
    });
  }
}
