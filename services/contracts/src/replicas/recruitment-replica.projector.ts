import { Controller } from '@nestjs/common';
import { JobOrderApprovedSchema, JobOrderCreatedSchema, JobOrderRejectedSchema, JobOrderVerifiedSchema, WorkerMatchedSchema, occurredAt } from '@corridor/events';
import { applyJobOrderStep, jobOrderColumnsFrom } from '@corridor/job-orders';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import type { JobOrderAction } from '@corridor/state-machine';
import { NodeEventProjector } from '@corridor/service-runtime';
import { JobOrderReplica } from './job-order-replica.entity';
import { WorkerMatchReplica } from './worker-match-replica.entity';

/**
 * Keeps what drafting a contract needs from the recruitment stage: job orders and their state,
 * and which job order each worker's journey was matched to. Unlike the recruitment service's own
 * replica, it takes the events of both ends (this service records none of them itself). Each step
 * goes through the job order's state machine (libs/state-machine), the one the recruitment use
 * cases apply: a step it forbids in the state held here is left out and logged with their reason.
 * It does not count places (drafting needs only "verified"), so it never moves to filled.
 */
@Controller()
export class RecruitmentReplicaProjector extends NodeEventProjector {
  @HandlesEvent(JobOrderCreatedSchema)
  async onJobOrderCreated(event: ReceivedEventOf<typeof JobOrderCreatedSchema>): Promise<void> {
    const p = event.payload;
    if (await event.manager.existsBy(JobOrderReplica, { id: p.jobOrderId })) return;
    await event.manager.insert(JobOrderReplica, jobOrderColumnsFrom(p, occurredAt(event.envelope)));
    await this.recordAudit(event, 'job-order', p.jobOrderId, 'job-order.replicate-create');
  }

  @HandlesEvent(JobOrderApprovedSchema)
  async onJobOrderApproved(event: ReceivedEventOf<typeof JobOrderApprovedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'approve');
  }

  @HandlesEvent(JobOrderVerifiedSchema)
  async onJobOrderVerified(event: ReceivedEventOf<typeof JobOrderVerifiedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'verify');
  }

  @HandlesEvent(JobOrderRejectedSchema)
  async onJobOrderRejected(event: ReceivedEventOf<typeof JobOrderRejectedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'reject');
  }

  /** The record key (envelope journey id) is the worker's journey. Sealed person data is not kept. */
  @HandlesEvent(WorkerMatchedSchema)
  async onWorkerMatched(event: ReceivedEventOf<typeof WorkerMatchedSchema>): Promise<void> {
    const journeyId = event.envelope.journeyId;
    if (await event.manager.existsBy(WorkerMatchReplica, { journeyId })) return;
    await event.manager.insert(WorkerMatchReplica, {
      journeyId,
      workerId: event.payload.workerId,
      jobOrderId: event.payload.jobOrderId,
      agencyId: event.payload.agencyId || null,
      origin: event.envelope.corridor?.origin ?? event.envelope.recordedBy?.country ?? '',
      destination: event.payload.destination || event.envelope.corridor?.destination || '',
      matchedAt: occurredAt(event.envelope),
    });
    await this.recordAudit(event, 'journey', journeyId, 'worker-match.replicate');
  }

  private async move(event: ReceivedEvent, jobOrderId: string, action: Exclude<JobOrderAction, 'match'>): Promise<void> {
    const status = await applyJobOrderStep(event, JobOrderReplica, jobOrderId, action, this.logger, { lockRow: true });
    if (status) await this.recordAudit(event, 'job-order', jobOrderId, `job-order.replicate-${status}`);
  }

  private recordAudit(event: ReceivedEvent, targetType: string, targetId: string, action: string): Promise<unknown> {
    return this.audit.recordReplicated(event.manager, { replica: 'recruitment-replica', country: this.config.country, event: event.envelope, action, targetType, targetId });
  }
}
