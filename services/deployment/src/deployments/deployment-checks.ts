import { Injectable, type OnModuleInit } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { In, LessThan, Not, IsNull } from 'typeorm';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { MissingArrivalFlaggedSchema, WorkPermitExpiredFlaggedSchema, WorkPermitExpiringFlaggedSchema, systemActor } from '@corridor/events';
import { Outbox } from '@corridor/messaging';
import { addDays } from '@corridor/reference-data';
import { claimFlag, Scheduler, type CheckTime, type ScheduledCheck } from '@corridor/scheduler';
import { Deployment } from './deployment.entity';
import { AWAITING_ARRIVAL, HOLDING_PERMIT, isArrivalMissing, permitFindingOf } from './deployment.rules';
import { policyOf, recordStep } from './deployment-step';

/**
 * Missing arrival, run by the origin (which records departures): a worker departed and not
 * confirmed as arrived after the corridor's days is flagged once (per journey and due date),
 * on the corridor topic, so both ends see it.
 */
@Injectable()
export class MissingArrivalCheck implements ScheduledCheck, OnModuleInit {
  readonly checkName = 'deployment.missing-arrival';

  constructor(
    private readonly scheduler: Scheduler,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async run({ today }: CheckTime): Promise<number> {
    const due = await this.outbox.transaction(({ manager }) =>
      manager.find(Deployment, { where: { origin: this.config.country, status: In(AWAITING_ARRIVAL), arrivalDueBy: LessThan(today) }, select: { journeyId: true } }),
    );
    let raised = 0;
    for (const { journeyId } of due) {
      await this.outbox.transaction(async (tx) => {
        const d = await tx.manager.findOne(Deployment, { where: { journeyId }, lock: { mode: 'pessimistic_write' } });
        if (!d || !isArrivalMissing(d, today)) return;
        const flagId = uuidv7();
        if (!(await claimFlag(tx.manager, { check: this.checkName, subject: journeyId, period: d.arrivalDueBy ?? '' }, flagId))) return;
        await recordStep(tx, this.audit, d, systemActor(this.config.country, this.checkName), 'flag-missing', MissingArrivalFlaggedSchema, {
          flagId,
          departedOn: d.departedOn ?? '',
          arrivalDueBy: d.arrivalDueBy ?? '',
          checkedOn: today,
        }, `no arrival confirmed by ${d.arrivalDueBy}`);
        raised += 1;
      });
    }
    return raised;
  }
}

/**
 * Permit expiry, run by the destination (which issues permits): a permit expiring within the
 * corridor's window is flagged once per expiry date, and once more when it has expired with the
 * worker still there (overstay risk). An extension gives a new expiry date, so new flags.
 */
@Injectable()
export class PermitExpiryCheck implements ScheduledCheck, OnModuleInit {
  readonly checkName = 'deployment.permit-expiry';

  constructor(
    private readonly scheduler: Scheduler,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async run({ today }: CheckTime): Promise<number> {
    const widest = Math.max(0, ...this.config.corridors.map((c) => c.policy.permitExpiryWindowDays));
    const candidates = await this.outbox.transaction(({ manager }) =>
      manager.find(Deployment, {
        where: { destination: this.config.country, status: HOLDING_PERMIT, permitExpiresOn: LessThan(addDays(today, widest + 1)) },
        select: { journeyId: true },
      }),
    );
    let raised = 0;
    for (const { journeyId } of candidates) {
      await this.outbox.transaction(async (tx) => {
        const d = await tx.manager.findOne(Deployment, { where: { journeyId, permitExpiresOn: Not(IsNull()) }, lock: { mode: 'pessimistic_write' } });
        if (!d?.permit) return;
        const finding = permitFindingOf(d, today, policyOf(this.config, d).permitExpiryWindowDays);
        if (!finding) return;
        const flagId = uuidv7();
        const period = `${finding.kind}:${d.permitExpiresOn}`;
        if (!(await claimFlag(tx.manager, { check: this.checkName, subject: d.permit.permitId, period }, flagId))) return;
        const by = systemActor(this.config.country, this.checkName);
        if (finding.kind === 'permit-expired') {
          await recordStep(tx, this.audit, d, by, 'flag-permit', WorkPermitExpiredFlaggedSchema, { flagId, permitId: d.permit.permitId, expiredOn: d.permitExpiresOn ?? '', checkedOn: today }, `permit expired on ${d.permitExpiresOn}: overstay risk`);
        } else {
          await recordStep(tx, this.audit, d, by, 'flag-permit', WorkPermitExpiringFlaggedSchema, { flagId, permitId: d.permit.permitId, expiresOn: d.permitExpiresOn ?? '', daysLeft: finding.daysLeft, checkedOn: today }, `permit expires in ${finding.daysLeft} days`);
        }
        raised += 1;
      });
    }
    return raised;
  }
}
