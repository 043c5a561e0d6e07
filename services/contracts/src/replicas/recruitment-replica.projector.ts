import { Controller } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { JobOrderApprovedSchema, JobOrderCreatedSchema, JobOrderRejectedSchema, JobOrderVerifiedSchema, WorkerMatchedSchema, occurredAt } from '@corridor/events';
import { HandlesEvent, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { JobOrderReplica, WorkerMatchReplica, type ReplicatedJobOrderStatus } from './replica.entities';

/**
 * Keeps what drafting a contract needs from the recruitment stage: job orders and their state,
 * and which job order each worker's journey was matched to. Unlike the recruitment service's own
 * replica, it takes the events of both ends (this service records none of them itself). States
 * only move forward from the one they follow, so a redelivery or a late event changes nothing.
 */
@Controller()
export class RecruitmentReplicaProjector {
  constructor(
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  @HandlesEvent(JobOrderCreatedSchema)
  async onJobOrderCreated(event: ReceivedEventOf<typeof JobOrderCreatedSchema>): Promise<void> {
    const p = event.payload;
    if (await event.manager.existsBy(JobOrderReplica, { id: p.jobOrderId })) return;
    await event.manager.insert(JobOrderReplica, {
      id: p.jobOrderId,
      origin: p.origin,
      destination: p.destination,
      status: 'submitted',
      employerName: p.employerName,
      employerRegistrationNumber: p.employerRegistrationNumber,
      workplaceProvince: p.workplaceProvince,
      occupationIsco: p.occupationIsco,
      sectorIsic: p.sectorIsic,
      wageMinor: String(p.wage?.amountMinor ?? 0n),
      wageCurrency: p.wage?.currency ?? '',
      wagePeriod: p.wagePeriod,
      hoursPerDay: p.hoursPerDay,
      contractMonths: p.contractMonths,
      updatedAt: occurredAt(event.envelope),
    });
    await this.recordAudit(event, 'job-order', p.jobOrderId, 'job-order.replicate-create');
  }

  @HandlesEvent(JobOrderApprovedSchema)
  async onJobOrderApproved(event: ReceivedEventOf<typeof JobOrderApprovedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'submitted', 'approved');
  }

  @HandlesEvent(JobOrderVerifiedSchema)
  async onJobOrderVerified(event: ReceivedEventOf<typeof JobOrderVerifiedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'approved', 'verified');
  }

  @HandlesEvent(JobOrderRejectedSchema)
  async onJobOrderRejected(event: ReceivedEventOf<typeof JobOrderRejectedSchema>): Promise<void> {
    await this.move(event, event.payload.jobOrderId, 'approved', 'rejected');
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

  private async move(event: ReceivedEvent, jobOrderId: string, from: ReplicatedJobOrderStatus, to: ReplicatedJobOrderStatus): Promise<void> {
    const result = await event.manager.update(JobOrderReplica, { id: jobOrderId, status: from }, { status: to, updatedAt: occurredAt(event.envelope) });
    if (result.affected) await this.recordAudit(event, 'job-order', jobOrderId, `job-order.replicate-${to}`);
  }

  private recordAudit(event: ReceivedEvent, targetType: string, targetId: string, action: string): Promise<unknown> {
    const by = event.envelope.recordedBy;
    return this.audit.record(event.manager, {
      actor: { subject: 'system:recruitment-replica', country: this.config.country },
      action,
      targetType,
      targetId,
      reason: `event ${event.envelope.eventId} recorded by ${by?.country ?? '?'} (${by?.officerId || 'unknown officer'})`,
    });
  }
}
