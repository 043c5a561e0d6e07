import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { GrievanceEscalatedSchema, GrievanceOverdueFlaggedSchema, buildEvent, systemActor } from '@corridor/events';
import { Outbox } from '@corridor/messaging';
import { claimFlag, Scheduler, type CheckTime, type ScheduledCheck } from '@corridor/scheduler';
import { GRIEVANCE_PENDING } from '@corridor/state-machine';
import { PROTECTION_POLICIES, type ProtectionPolicies } from '../shared/protection-policy';
import { STATUS_WIRE } from '../shared/wire';
import { GrievanceLedger } from './grievance-ledger';
import { Grievance } from './grievance.entity';
import { overdueSteps } from './grievance.rules';

/**
 * Run by the handling country (the destination's queue): a grievance still unanswered after its
 * deadline is flagged overdue once, and escalated once to the supervisors' queue after the
 * configured days more (GET /api/v1/grievances/escalated). Each is claimed under its own key
 * (claimFlag) in the transaction that publishes it, so a second run or a second instance raises
 * nothing; both travel on the corridor topic, so the filing end sees them.
 */
@Injectable()
export class GrievanceOverdueCheck implements ScheduledCheck, OnModuleInit {
  readonly checkName = 'social-protection.grievance-overdue';

  constructor(
    private readonly scheduler: Scheduler,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
    @Inject(PROTECTION_POLICIES) private readonly policies: ProtectionPolicies,
    private readonly ledger: GrievanceLedger,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async run({ today }: CheckTime): Promise<number> {
    const due = await this.outbox.transaction(({ manager }) =>
      manager
        .createQueryBuilder(Grievance, 'g')
        .select(['g.id'])
        .where('g.handling_country = :country AND g.deadline_on < :today', { country: this.config.country, today })
        .andWhere('g.status IN (:...pending)', { pending: GRIEVANCE_PENDING })
        .andWhere('(g.overdue_flag_id IS NULL OR g.escalated_on IS NULL)')
        .getMany(),
    );
    let raised = 0;
    for (const { id } of due) {
      await this.outbox.transaction(async ({ manager, publish }) => {
        const g = await manager.findOne(Grievance, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!g) return;
        const steps = overdueSteps(g, today, this.policies(g.destination));
        const by = systemActor(this.config.country, this.checkName);
        const corridor = { origin: g.origin, destination: g.destination };
        if (steps.flag) {
          const flagId = uuidv7();
          if (await claimFlag(manager, { check: this.checkName, subject: g.id, period: g.deadlineOn }, flagId)) {
            const { topic, event } = buildEvent({
              stage: 'social-protection',
              by,
              journeyId: g.journeyId,
              corridor,
              schema: GrievanceOverdueFlaggedSchema,
              payload: create(GrievanceOverdueFlaggedSchema, { grievanceId: g.id, flagId, deadlineOn: g.deadlineOn, status: STATUS_WIRE.toWire(g.status), flaggedOn: today }),
            });
            await this.ledger.apply(manager, g, 'overdue-flagged', { overdueFlagId: flagId, overdueOn: today }, today, null, { eventId: event.eventId, country: this.config.country, officer: by.subject, at: new Date() });
            await this.audit.record(manager, { actor: by, action: 'grievance.flag-overdue', targetType: 'grievance', targetId: g.id, reason: `deadline ${g.deadlineOn} passed while ${g.status}` });
            await publish(topic, event);
            raised += 1;
          }
        }
        if (steps.escalate && g.overdueFlagId) {
          if (await claimFlag(manager, { check: 'social-protection.grievance-escalation', subject: g.id, period: g.deadlineOn }, g.overdueFlagId)) {
            const { topic, event } = buildEvent({
              stage: 'social-protection',
              by,
              journeyId: g.journeyId,
              corridor,
              schema: GrievanceEscalatedSchema,
              payload: create(GrievanceEscalatedSchema, { grievanceId: g.id, flagId: g.overdueFlagId, queue: 'supervisor', escalatedOn: today }),
            });
            await this.ledger.apply(manager, g, 'escalated', { escalatedOn: today }, today, null, { eventId: event.eventId, country: this.config.country, officer: by.subject, at: new Date() });
            await this.audit.record(manager, { actor: by, action: 'grievance.escalate', targetType: 'grievance', targetId: g.id, reason: `overdue since ${g.overdueOn}` });
            await publish(topic, event);
            raised += 1;
          }
        }
      });
    }
    return raised;
  }
}
