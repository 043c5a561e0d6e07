import { Injectable } from '@nestjs/common';
import { In, LessThan, Not, IsNull, type EntityManager } from 'typeorm';
import { MissingArrivalFlaggedSchema, WorkPermitExpiredFlaggedSchema, WorkPermitExpiringFlaggedSchema } from '@corridor/events';
import { addDays } from '@corridor/reference-data';
import { ClaimedFlagCheck, type CheckTime, type FlagTransaction } from '@corridor/scheduler';
import { Deployment } from './deployment.entity';
import { AWAITING_ARRIVAL, HOLDING_PERMIT, isArrivalMissing, permitFindingOf } from './deployment.rules';
import { policyOf, recordStep } from './deployment-step';

/**
 * Missing arrival, run by the origin (which records departures): a worker departed and not
 * confirmed as arrived after the corridor's days is flagged once (per journey and due date),
 * on the corridor topic, so both ends see it.
 */
@Injectable()
export class MissingArrivalCheck extends ClaimedFlagCheck<Pick<Deployment, 'journeyId'>> {
  readonly checkName = 'deployment.missing-arrival';

  protected findCandidates(manager: EntityManager, { today }: CheckTime): Promise<Pick<Deployment, 'journeyId'>[]> {
    return manager.find(Deployment, { where: { origin: this.config.country, status: In(AWAITING_ARRIVAL), arrivalDueBy: LessThan(today) }, select: { journeyId: true } });
  }

  protected async raiseFor({ journeyId }: Pick<Deployment, 'journeyId'>, tx: FlagTransaction, { today }: CheckTime): Promise<void> {
    const d = await tx.manager.findOne(Deployment, { where: { journeyId }, lock: { mode: 'pessimistic_write' } });
    if (!d || !isArrivalMissing(d, today)) return;
    await tx.raiseOnce({ subject: journeyId, period: d.arrivalDueBy ?? '' }, (flagId) =>
      recordStep(tx, this.audit, d, this.actor, 'flag-missing', MissingArrivalFlaggedSchema, {
        flagId,
        departedOn: d.departedOn ?? '',
        arrivalDueBy: d.arrivalDueBy ?? '',
        checkedOn: today,
      }, `no arrival confirmed by ${d.arrivalDueBy}`),
    );
  }
}

/**
 * Permit expiry, run by the destination (which issues permits): a permit expiring within the
 * corridor's window is flagged once per expiry date, and once more when it has expired with the
 * worker still there (overstay risk). An extension gives a new expiry date, so new flags.
 */
@Injectable()
export class PermitExpiryCheck extends ClaimedFlagCheck<Pick<Deployment, 'journeyId'>> {
  readonly checkName = 'deployment.permit-expiry';

  protected findCandidates(manager: EntityManager, { today }: CheckTime): Promise<Pick<Deployment, 'journeyId'>[]> {
    const widest = Math.max(0, ...this.config.corridors.map((c) => c.policy.permitExpiryWindowDays));
    return manager.find(Deployment, {
      where: { destination: this.config.country, status: HOLDING_PERMIT, permitExpiresOn: LessThan(addDays(today, widest + 1)) },
      select: { journeyId: true },
    });
  }

  protected async raiseFor({ journeyId }: Pick<Deployment, 'journeyId'>, tx: FlagTransaction, { today }: CheckTime): Promise<void> {
    const d = await tx.manager.findOne(Deployment, { where: { journeyId, permitExpiresOn: Not(IsNull()) }, lock: { mode: 'pessimistic_write' } });
    const permit = d?.permit;
    if (!d || !permit) return;
    const finding = permitFindingOf(d, today, policyOf(this.config, d).permitExpiryWindowDays);
    if (!finding) return;
    await tx.raiseOnce({ subject: permit.permitId, period: `${finding.kind}:${d.permitExpiresOn}` }, (flagId) =>
      finding.kind === 'permit-expired'
        ? recordStep(tx, this.audit, d, this.actor, 'flag-permit', WorkPermitExpiredFlaggedSchema, { flagId, permitId: permit.permitId, expiredOn: d.permitExpiresOn ?? '', checkedOn: today }, `permit expired on ${d.permitExpiresOn}: overstay risk`)
        : recordStep(tx, this.audit, d, this.actor, 'flag-permit', WorkPermitExpiringFlaggedSchema, { flagId, permitId: permit.permitId, expiresOn: d.permitExpiresOn ?? '', daysLeft: finding.daysLeft, checkedOn: today }, `permit expires in ${finding.daysLeft} days`),
    );
  }
}
