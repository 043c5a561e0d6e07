import { Controller, Logger } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import {
  GrievanceAssignedSchema,
  GrievanceClosedSchema,
  GrievanceEscalatedSchema,
  GrievanceFiledSchema,
  GrievanceOverdueFlaggedSchema,
  GrievanceResolvedSchema,
  GrievanceStatusChangedSchema,
  occurredAt,
} from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { GRIEVANCE_LIFECYCLE, type GrievanceAction } from '@corridor/state-machine';
import { CaseTextCipher } from '../shared/case-text';
import type { GrievanceCategoryName } from '../shared/protection-policy';
import { CATEGORY_WIRE, STATUS_WIRE } from '../shared/wire';
import { GrievanceLedger, type GrievanceChange, type StepBy } from './grievance-ledger';
import { AS_FILED, Grievance } from './grievance.entity';

/**
 * The other end's grievance events applied to this node's copy, through the same ledger and the
 * same lifecycle as the use cases: a step the lifecycle forbids in the state held here is left
 * out and logged. Events this node recorded come back on the topic and are skipped; a redelivered
 * one finds its step (the step's id is the event's) and changes nothing.
 */
@Controller()
export class GrievanceReplicaProjector {
  private readonly logger = new Logger(GrievanceReplicaProjector.name);

  constructor(
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
    private readonly ledger: GrievanceLedger,
    private readonly text: CaseTextCipher,
  ) {}

  @HandlesEvent(GrievanceFiledSchema)
  async onFiled(event: ReceivedEventOf<typeof GrievanceFiledSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    const p = event.payload;
    if (await event.manager.existsBy(Grievance, { id: p.grievanceId })) return;
    const category = CATEGORY_WIRE.fromWire(p.category) as GrievanceCategoryName | undefined;
    if (!category) return logLeftOut(this.logger, event, `unknown category ${p.category}`);
    const by = this.by(event);
    await this.ledger.file(
      event.manager,
      {
        id: p.grievanceId,
        journeyId: event.envelope.journeyId,
        origin: event.envelope.corridor?.origin ?? '',
        destination: event.envelope.corridor?.destination ?? '',
        handlingCountry: p.handlingCountry,
        category,
        filedByCountry: by.country,
        filedBy: by.officer,
        filedOn: p.filedOn,
        deadlineOn: p.deadlineOn,
        ...AS_FILED,
        filedAt: by.at,
      },
      this.text.openFromEvent(p.sealedCaseText, event.envelope.journeyId) ?? '',
      by,
    );
    await this.replicated(event, 'grievance.replicate-file', p.grievanceId);
  }

  @HandlesEvent(GrievanceAssignedSchema)
  onAssigned(event: ReceivedEventOf<typeof GrievanceAssignedSchema>): Promise<void> {
    const p = event.payload;
    return this.step(event, p.grievanceId, 'assign', 'assigned', p.assignedOn, null, () => ({ assignee: p.assigneeOfficerId }));
  }

  @HandlesEvent(GrievanceStatusChangedSchema)
  onStatusChanged(event: ReceivedEventOf<typeof GrievanceStatusChangedSchema>): Promise<void> {
    const p = event.payload;
    const to = STATUS_WIRE.fromWire(p.toStatus);
    const action: GrievanceAction | undefined = to === 'referred' ? 'refer' : to === 'under-investigation' ? 'investigate' : undefined;
    if (!action) return Promise.resolve(logLeftOut(this.logger, event, `unexpected status ${p.toStatus}`));
    return this.step(event, p.grievanceId, action, 'status-changed', p.changedOn, p.sealedCaseText, (status) => ({ status, referredTo: p.referredTo || null }));
  }

  @HandlesEvent(GrievanceResolvedSchema)
  onResolved(event: ReceivedEventOf<typeof GrievanceResolvedSchema>): Promise<void> {
    const p = event.payload;
    return this.step(event, p.grievanceId, 'resolve', 'resolved', p.resolvedOn, p.sealedCaseText, (status) => ({
      status,
      outcome: p.outcome,
      recoveredMinor: String(p.amountRecovered?.amountMinor ?? 0n),
      recoveredCurrency: p.amountRecovered?.currency ?? null,
      resolvedOn: p.resolvedOn,
    }));
  }

  @HandlesEvent(GrievanceClosedSchema)
  onClosed(event: ReceivedEventOf<typeof GrievanceClosedSchema>): Promise<void> {
    const p = event.payload;
    return this.step(event, p.grievanceId, 'close', 'closed', p.closedOn, null, (status) => ({ status, closedOn: p.closedOn, closeReason: p.reason }));
  }

  @HandlesEvent(GrievanceOverdueFlaggedSchema)
  onOverdue(event: ReceivedEventOf<typeof GrievanceOverdueFlaggedSchema>): Promise<void> {
    const p = event.payload;
    return this.step(event, p.grievanceId, undefined, 'overdue-flagged', p.flaggedOn, null, () => ({ overdueFlagId: p.flagId, overdueOn: p.flaggedOn }));
  }

  @HandlesEvent(GrievanceEscalatedSchema)
  onEscalated(event: ReceivedEventOf<typeof GrievanceEscalatedSchema>): Promise<void> {
    const p = event.payload;
    return this.step(event, p.grievanceId, undefined, 'escalated', p.escalatedOn, null, () => ({ escalatedOn: p.escalatedOn }));
  }

  /** One step of the other end: through the lifecycle when it is an action (flags change no state). */
  private async step(
    event: ReceivedEvent,
    grievanceId: string,
    action: GrievanceAction | undefined,
    name: string,
    on: string,
    sealed: Uint8Array | null,
    change: (status: Grievance['status']) => GrievanceChange,
  ): Promise<void> {
    if (this.isOwn(event)) return;
    const grievance = await event.manager.findOne(Grievance, { where: { id: grievanceId }, lock: { mode: 'pessimistic_write' } });
    if (!grievance) return logLeftOut(this.logger, event, `grievance ${grievanceId} is not held here`);
    if (await this.ledgerHasStep(event)) return;
    let status = grievance.status;
    if (action) {
      const refused = GRIEVANCE_LIFECYCLE.refusal(grievance, action);
      if (refused) return logLeftOut(this.logger, event, refused.detail ?? refused.message);
      status = GRIEVANCE_LIFECYCLE.next(grievance, action);
    }
    const note = sealed ? this.text.openFromEvent(sealed, event.envelope.journeyId) : null;
    await this.ledger.apply(event.manager, grievance, name, change(status), on, note, this.by(event));
    await this.replicated(event, `grievance.replicate-${name}`, grievanceId);
  }

  private async ledgerHasStep(event: ReceivedEvent): Promise<boolean> {
    const rows: unknown[] = await event.manager.query('SELECT 1 FROM grievance_step WHERE id = $1', [event.envelope.eventId]);
    return rows.length > 0;
  }

  private isOwn(event: ReceivedEvent): boolean {
    return event.envelope.recordedBy?.country === this.config.country;
  }

  private by(event: ReceivedEvent): StepBy {
    return { eventId: event.envelope.eventId, country: event.envelope.recordedBy?.country ?? '', officer: event.envelope.recordedBy?.officerId || 'unknown', at: occurredAt(event.envelope) };
  }

  private async replicated(event: ReceivedEvent, action: string, targetId: string): Promise<void> {
    await this.audit.recordReplicated(event.manager, { replica: 'grievance-replica', country: this.config.country, event: event.envelope, action, targetType: 'grievance', targetId });
  }
}
