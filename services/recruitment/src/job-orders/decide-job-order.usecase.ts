import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { JobOrderApprovedSchema, JobOrderRejectedSchema, JobOrderVerifiedSchema, buildEvent, type OutboxEvent } from '@corridor/events';
import { ForbiddenForSide, NotFoundProblem } from '@corridor/http';
import { JobOrder } from './job-order.entity';
import { JOB_ORDER_LIFECYCLE } from '@corridor/state-machine';
import { jobOrderView, type JobOrderView } from './job-order.views';

export type JobOrderDecision = 'approve' | 'verify' | 'reject';

/**
 * Approval at destination, then verification (or rejection with reason) at origin. Each node may
 * only take its own side's decision; the event goes on the corridor topic so both hold the result.
 */
@Injectable()
export class DecideJobOrderUseCase extends WriteUseCase {
  async execute(jobOrderId: string, decision: JobOrderDecision, officer: Officer, reason?: string): Promise<JobOrderView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const order = await manager.findOne(JobOrder, { where: { id: jobOrderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new NotFoundProblem('job order', jobOrderId);
      const side = decision === 'approve' ? 'destination' : 'origin';
      const sideCountry = order[side];
      if (sideCountry !== this.config.country) {
        throw new ForbiddenForSide(decision, side, `job order ${order.id} is decided there by ${sideCountry}, not by ${this.config.country}`, { sideCountry, nodeCountry: this.config.country });
      }
      const status = JOB_ORDER_LIFECYCLE.next(order, decision);
      order.status = status;
      order.updatedAt = new Date();
      order.rejectionReason = decision === 'reject' ? (reason ?? null) : order.rejectionReason;
      await manager.update(JobOrder, { id: order.id }, { status, updatedAt: order.updatedAt, rejectionReason: order.rejectionReason });
      await this.audit.record(manager, { actor: officer, action: `job-order.${decision}`, targetType: 'job-order', targetId: order.id, reason: reason ?? decision });
      const { topic, event } = this.event(order, decision, officer, reason ?? '');
      await publish(topic, event);
      return jobOrderView(order);
    });
  }

  private event(order: JobOrder, decision: JobOrderDecision, officer: Officer, reason: string): OutboxEvent {
    const common = { stage: 'recruitment', by: officer, journeyId: order.id, corridor: { origin: order.origin, destination: order.destination }, occurredAt: order.updatedAt } as const;
    if (decision === 'approve') return buildEvent({ ...common, schema: JobOrderApprovedSchema, payload: create(JobOrderApprovedSchema, { jobOrderId: order.id }) });
    if (decision === 'verify') return buildEvent({ ...common, schema: JobOrderVerifiedSchema, payload: create(JobOrderVerifiedSchema, { jobOrderId: order.id }) });
    return buildEvent({ ...common, schema: JobOrderRejectedSchema, payload: create(JobOrderRejectedSchema, { jobOrderId: order.id, reason }) });
  }
}
