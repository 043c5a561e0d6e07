import { Controller } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { JobOrderApprovedSchema, JobOrderCreatedSchema, JobOrderRejectedSchema, JobOrderVerifiedSchema, WorkerMatchedSchema, occurredAt } from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { JobOrder, type JobOrderStatus } from './job-order.entity';

/**
 * Keeps this node's replica of job orders recorded by the other end of a corridor. Events this
 * node recorded itself come back on the same topic and are skipped: its own rows already hold
 * them. Each state only moves forward from the state it follows, so a redelivery changes nothing.
 */
@Controller()
export class JobOrderReplicaProjector {
  constructor(
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

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
        id: p.jobOrderId,
        origin: p.origin,
        destination: p.destination,
        authoredBy: event.envelope.recordedBy?.country ?? p.destination,
        status: 'submitted',
        employerName: p.employerName,
        employerRegistrationNumber: p.employerRegistrationNumber,
        workplaceProvince: p.workplaceProvince,
        occupationIsco: p.occupationIsco,
        sectorIsic: p.sectorIsic,
        workersRequested: p.workersRequested,
        workersMatched: 0,
        wageMinor: String(p.wage?.amountMinor ?? 0n),
        wageCurrency: p.wage?.currency ?? '',
        wagePeriod: p.wagePeriod,
        hoursPerDay: p.hoursPerDay,
        contractMonths: p.contractMonths,
        benefits: p.benefits,
        rejectionReason: null,
        createdBy: event.envelope.recordedBy?.officerId || 'unknown',
        createdAt: at,
        updatedAt: at,
      })
      .orIgnore()
      .execute();
    await this.recount(event, p.jobOrderId);
    await this.recordAudit(event, p.jobOrderId, 'job-order.replicate-create');
  }

  @HandlesEvent(JobOrderApprovedSchema)
  async onApproved(event: ReceivedEventOf<typeof JobOrderApprovedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'submitted', 'approved');
  }

  @HandlesEvent(JobOrderVerifiedSchema)
  async onVerified(event: ReceivedEventOf<typeof JobOrderVerifiedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'approved', 'verified');
  }

  @HandlesEvent(JobOrderRejectedSchema)
  async onRejected(event: ReceivedEventOf<typeof JobOrderRejectedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'approved', 'rejected', event.payload.reason);
  }

  /**
   * The origin matched a worker: the destination's copy counts the place as taken. The match is
   * kept on its own first, so it counts even if it arrives before the job order or its verification.
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

  private async move(event: ReceivedEvent, jobOrderId: string, from: JobOrderStatus, to: JobOrderStatus, reason?: string): Promise<void> {
    if (this.isOwn(event)) return;
    await this.serialise(event, jobOrderId);
    const changed: unknown[] = await event.manager.query(
      `UPDATE job_order SET status = $3, rejection_reason = COALESCE($4, rejection_reason), updated_at = $5
        WHERE id = $1 AND status = $2 RETURNING id`,
      [jobOrderId, from, to, reason ?? null, occurredAt(event.envelope)],
    );
    if (rowCount(changed)) {
      await this.recount(event, jobOrderId);
      await this.recordAudit(event, jobOrderId, `job-order.replicate-${to}`);
    }
  }

  /** workers_matched from the matches received; a verified job order with no place left is filled. */
  private async recount(event: ReceivedEvent, jobOrderId: string): Promise<number> {
    const changed: unknown[] = await event.manager.query(
      `UPDATE job_order o SET workers_matched = m.n,
              status = CASE WHEN o.status = 'verified' AND m.n >= o.workers_requested THEN 'filled' ELSE o.status END,
              updated_at = GREATEST(o.updated_at, $2)
         FROM (SELECT count(*)::int AS n FROM replicated_match WHERE job_order_id = $1) m
        WHERE o.id = $1 AND (o.workers_matched <> m.n OR (o.status = 'verified' AND m.n >= o.workers_requested))
        RETURNING o.id`,
      [jobOrderId, occurredAt(event.envelope)],
    );
    return rowCount(changed);
  }

  /**
   * Events of one job order arrive on several partitions (WorkerMatched is keyed by journey) and
   * are applied concurrently; a per-job-order transaction lock makes each handler count what the
   * ones before it committed, so no match is lost between two concurrent counts.
   */
  private async serialise(event: ReceivedEvent, jobOrderId: string): Promise<void> {
    await event.manager.query("SELECT pg_advisory_xact_lock(hashtextextended('job-order:' || $1, 0))", [jobOrderId]);
  }

  private isOwn(event: ReceivedEvent): boolean {
    return event.envelope.recordedBy?.country === this.config.country;
  }

  private recordAudit(event: ReceivedEvent, jobOrderId: string, action: string): Promise<unknown> {
    const by = event.envelope.recordedBy;
    return this.audit.record(event.manager, {
      actor: { subject: 'system:job-order-replica', country: this.config.country },
      action,
      targetType: 'job-order',
      targetId: jobOrderId,
      reason: `event ${event.envelope.eventId} recorded by ${by?.country ?? '?'} (${by?.officerId || 'unknown officer'})`,
    });
  }
}

/** pg answers UPDATE … RETURNING through TypeORM as [rows, count]. */
function rowCount(result: unknown[]): number {
  return Array.isArray(result[0]) ? (result[1] as number) : result.length;
}
