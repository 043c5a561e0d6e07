import { ForbiddenException, Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { JobOrderApprovedSchema, JobOrderRejectedSchema, JobOrderVerifiedSchema, corridorTopic, encodeEvent, type EncodedEvent } from '@corridor/events';
import { NotFoundProblem } from '@corridor/http';
import { Outbox } from '@corridor/messaging';
import { actorOf } from '../common/roles';
import { JobOrder } from './job-order.entity';
import { nextJobOrderStatus } from './job-order-state';
import { jobOrderView, type JobOrderView } from './job-order-view';

export type JobOrderDecision = 'approve' | 'verify' | 'reject';

/**
 * Approval at destination, then verification (or rejection with reason) at origin. Each node may
 * only take its own side's decision; the event goes on the corridor topic so both hold the result.
 */
@Injectable()
export class DecideJobOrderUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async execute(jobOrderId: string, decision: JobOrderDecision, officer: Officer, reason?: string): Promise<JobOrderView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const order = await manager.findOne(JobOrder, { where: { id: jobOrderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new NotFoundProblem(`job order ${jobOrderId} not found`);
      const side = decision === 'approve' ? order.destination : order.origin;
      if (side !== this.config.country) {
        throw new ForbiddenException(`"${decision}" on job order ${order.id} is for the ${side} authority, not ${this.config.country}`);
      }
      const status = nextJobOrderStatus(order, decision);
      order.status = status;
      order.updatedAt = new Date();
      order.rejectionReason = decision === 'reject' ? (reason ?? null) : order.rejectionReason;
      await manager.update(JobOrder, { id: order.id }, { status, updatedAt: order.updatedAt, rejectionReason: order.rejectionReason });
      await this.audit.record(manager, { actor: officer, action: `job-order.${decision}`, targetType: 'job-order', targetId: order.id, reason: reason ?? decision });
      await publish(corridorTopic(order.origin, order.destination, 'recruitment'), this.event(order, decision, officer, reason ?? ''));
      return jobOrderView(order);
    });
  }

  private event(order: JobOrder, decision: JobOrderDecision, officer: Officer, reason: string): EncodedEvent {
    const common = { journeyId: order.id, corridor: { origin: order.origin, destination: order.destination }, recordedBy: actorOf(officer), occurredAt: order.updatedAt };
    if (decision === 'approve') return encodeEvent({ ...common, schema: JobOrderApprovedSchema, payload: create(JobOrderApprovedSchema, { jobOrderId: order.id }) });
    if (decision === 'verify') return encodeEvent({ ...common, schema: JobOrderVerifiedSchema, payload: create(JobOrderVerifiedSchema, { jobOrderId: order.id }) });
    return encodeEvent({ ...common, schema: JobOrderRejectedSchema, payload: create(JobOrderRejectedSchema, { jobOrderId: order.id, reason }) });
  }
}
