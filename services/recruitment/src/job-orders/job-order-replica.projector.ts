import { Controller } from '@nestjs/common';
import { JobOrderApprovedSchema, JobOrderCreatedSchema, JobOrderRejectedSchema, JobOrderVerifiedSchema, WorkerMatchedSchema, occurredAt } from '@corridor/events';
import { applyJobOrderStep, jobOrderColumnsFrom } from '@corridor/job-orders';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { JOB_ORDER_LIFECYCLE, type JobOrderAction } from '@corridor/state-machine';
import { NodeEventProjector } from '@corridor/service-runtime';
import { JobOrder } from './job-order.entity';

/**
 * Keeps this node's replica of job orders recorded by the other end of a corridor. Events this
 * node recorded itself come back on the same topic and are skipped: its own rows already hold
 * them. Each step goes through the job order's state machine, the one the use cases apply: a step
 * it forbids in the replica's state is left out and logged with the use case's reason.
 */
@Controller()
export class JobOrderReplicaProjector extends NodeEventProjector {
  @HandlesEvent(JobOrderCreatedSchema)
  async onCreated(event: ReceivedEventOf<typeof JobOrderCreatedSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    const p = event.payload;
    const at = occurredAt(event.envelope);
    await this.serialise(event, p.jobOrderId);
    if (await event.manager.exists(JobOrder, { where: { id: p.jobOrderId } })) return;
    await event.manager
      .createQueryBuilder()
      .insert()
      .into(JobOrder)
      .values({
        ...jobOrderColumnsFrom(p, at),
        authoredBy: event.envelope.recordedBy?.country ?? p.destination,
        workersRequested: p.workersRequested,
        workersMatched: 0,
        benefits: p.benefits,
        rejectionReason: null,
        createdBy: event.envelope.recordedBy?.officerId || 'unknown',
        createdAt: at,
      })
      .orIgnore()
      .execute();
    await this.recount(event, p.jobOrderId);
    await this.recordAudit(event, p.jobOrderId, 'job-order.replicate-create');
  }

  @HandlesEvent(JobOrderApprovedSchema)
  async onApproved(event: ReceivedEventOf<typeof JobOrderApprovedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'approve');
  }

  @HandlesEvent(JobOrderVerifiedSchema)
  async onVerified(event: ReceivedEventOf<typeof JobOrderVerifiedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'verify');
  }

  @HandlesEvent(JobOrderRejectedSchema)
  async onRejected(event: ReceivedEventOf<typeof JobOrderRejectedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'reject', event.payload.reason);
  }

  /**
   * The origin matched a worker: the destination's copy counts the place as taken. The match is
   * kept on its own first, so it counts even if it arrives before the job order or its verification
   * (it travels on another partition): the origin's state machine allowed it there.
   */
  @HandlesEvent(WorkerMatchedSchema)
  async onWorkerMatched(event: ReceivedEventOf<typeof WorkerMatchedSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    await this.serialise(event, event.payload.jobOrderId);
    await event.manager.query(
      'INSERT INTO replicated_match (journey_id, job_order_id, worker_id, matched_at) VALUES ($1, $2, $3, $4) ON CONFLICT (journey_id) DO NOTHING',
      [event.envelope.journeyId, event.payload.jobOrderId, event.payload.workerId, occurredAt(event.envelope)],
    );
    if (await this.recount(event, event.payload.jobOrderId)) await this.recordAudit(event, event.payload.jobOrderId, 'job-order.replicate-match');
  }

  private async move(event: ReceivedEvent, jobOrderId: string, action: Exclude<JobOrderAction, 'match'>, reason?: string): Promise<void> {
    if (this.isOwn(event)) return;
    await this.serialise(event, jobOrderId);
    const status = await applyJobOrderStep(event, JobOrder, jobOrderId, action, this.logger, { changes: (order) => ({ rejectionReason: reason ?? order.rejectionReason }) });
    if (!status) return;
    await this.recount(event, jobOrderId);
    await this.recordAudit(event, jobOrderId, `job-order.replicate-${status}`);
  }

  /** workers_matched from the matches received; a verified job order with no place left is filled (the state machine's "match"). */
  private async recount(event: ReceivedEvent, jobOrderId: string): Promise<boolean> {
    const [{ n }] = (await event.manager.query('SELECT count(*)::int AS n FROM replicated_match WHERE job_order_id = $1', [jobOrderId])) as { n: number }[];
    const order = await event.manager.findOne(JobOrder, { where: { id: jobOrderId } });
    if (!order) return false;
    const full = n >= order.workersRequested;
    const status = order.status === 'verified' && full ? JOB_ORDER_LIFECYCLE.next(order, 'match', () => 'filled') : order.status;
    if (n === order.workersMatched && status === order.status) return false;
    const at = occurredAt(event.envelope);
    await event.manager.update(JobOrder, { id: order.id }, { workersMatched: n, status, updatedAt: at > order.updatedAt ? at : order.updatedAt });
    return true;
  }

  /**
   * Events of one job order arrive on several partitions (WorkerMatched is keyed by journey) and
   * are applied concurrently; a per-job-order transaction lock makes each handler count what the
   * ones before it committed, so no match is lost between two concurrent counts.
   */
  private async serialise(event: ReceivedEvent, jobOrderId: string): Promise<void> {
    await event.manager.query("SELECT pg_advisory_xact_lock(hashtextextended('job-order:' || $1, 0))", [jobOrderId]);
  }


  private recordAudit(event: ReceivedEvent, jobOrderId: string, action: string): Promise<unknown> {
    return this.audit.recordReplicated(event.manager, { replica: 'job-order-replica', country: this.config.country, event: event.envelope, action, targetType: 'job-order', targetId: jobOrderId });
  }
}
