import { Inject, Injectable } from '@nestjs/common';
import { create, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import { GrievanceEscalatedSchema, GrievanceOverdueFlaggedSchema, buildEvent } from '@corridor/events';
import { ClaimedFlagCheck, type CheckTime, type FlagTransaction } from '@corridor/scheduler';
import { GRIEVANCE_PENDING } from '@corridor/state-machine';
import { PROTECTION_POLICIES, type ProtectionPolicies } from '../shared/protection-policy';
import { STATUS_WIRE } from '../shared/wire';
import { GrievanceLedger, type GrievanceChange } from './grievance-ledger';
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
export class GrievanceOverdueCheck extends ClaimedFlagCheck<Pick<Grievance, 'id'>> {
  readonly checkName = 'social-protection.grievance-overdue';

  constructor(
    @Inject(PROTECTION_POLICIES) private readonly policies: ProtectionPolicies,
    private readonly ledger: GrievanceLedger,
  ) {
    super();
  }

  /** Pending grievances past their deadline that are not both flagged and escalated yet. */
  protected findCandidates(manager: EntityManager, { today }: CheckTime): Promise<Pick<Grievance, 'id'>[]> {
    return manager
      .createQueryBuilder(Grievance, 'g')
      .select(['g.id'])
      .where('g.handling_country = :country AND g.deadline_on < :today', { country: this.config.country, today })
      .andWhere('g.status IN (:...pending)', { pending: GRIEVANCE_PENDING })
      .andWhere('(g.overdue_flag_id IS NULL OR g.escalated_on IS NULL)')
      .getMany();
  }

  protected async raiseFor({ id }: Pick<Grievance, 'id'>, tx: FlagTransaction, { today }: CheckTime): Promise<void> {
    const g = await tx.manager.findOne(Grievance, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!g) return;
    const steps = overdueSteps(g, today, this.policies(g.destination));
    if (steps.flag) {
      await tx.raiseOnce({ subject: g.id, period: g.deadlineOn }, (flagId) =>
        this.recordStep(tx, g, today, {
          schema: GrievanceOverdueFlaggedSchema,
          payload: { grievanceId: g.id, flagId, deadlineOn: g.deadlineOn, status: STATUS_WIRE.toWire(g.status), flaggedOn: today },
          step: 'overdue-flagged',
          change: { overdueFlagId: flagId, overdueOn: today },
          audit: { action: 'grievance.flag-overdue', reason: `deadline ${g.deadlineOn} passed while ${g.status}` },
        }),
      );
    }
    // After the flag above, in the same transaction: an escalation needs the flag's id.
    const overdueFlagId = g.overdueFlagId;
    if (steps.escalate && overdueFlagId) {
      await tx.raiseOnce({ check: 'social-protection.grievance-escalation', subject: g.id, period: g.deadlineOn, flagId: overdueFlagId }, () =>
        this.recordStep(tx, g, today, {
          schema: GrievanceEscalatedSchema,
          payload: { grievanceId: g.id, flagId: overdueFlagId, queue: 'supervisor', escalatedOn: today },
          step: 'escalated',
          change: { escalatedOn: today },
          audit: { action: 'grievance.escalate', reason: `overdue since ${g.overdueOn}` },
        }),
      );
    }
  }

  /** One step the check takes on a grievance: its event, its ledger step and its audit entry, in the flag's transaction. */
  private async recordStep<Desc extends DescMessage>(
    { manager, publish }: FlagTransaction,
    g: Grievance,
    today: string,
    step: { schema: Desc; payload: MessageInitShape<Desc>; step: string; change: GrievanceChange; audit: { action: string; reason: string } },
  ): Promise<void> {
    const { topic, event } = buildEvent({
      stage: 'social-protection',
      by: this.actor,
      journeyId: g.journeyId,
      corridor: { origin: g.origin, destination: g.destination },
      schema: step.schema,
      payload: create(step.schema, step.payload),
    });
    await this.ledger.apply(manager, g, step.step, step.change, today, null, { eventId: event.eventId, country: this.config.country, officer: this.actor.subject, at: new Date() });
    await this.audit.record(manager, { actor: this.actor, action: step.audit.action, targetType: 'grievance', targetId: g.id, reason: step.audit.reason });
    await publish(topic, event);
  }
}
