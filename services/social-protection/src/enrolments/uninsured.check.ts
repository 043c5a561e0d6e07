import { Inject, Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import type { EntityManager } from 'typeorm';
import { SchemeKind, WorkerUninsuredFlaggedSchema, buildEvent } from '@corridor/events';
import { addDays } from '@corridor/reference-data';
import { ClaimedFlagCheck, type CheckTime, type FlagTransaction } from '@corridor/scheduler';
import { PROTECTION_POLICIES, type ProtectionPolicies } from '../shared/protection-policy';
import { Arrival } from './arrival.entity';
import { insuresHealthOn } from './enrolment.rules';
import { SchemeEnrolment } from './scheme-enrolment.entity';
import { UninsuredFlag } from './uninsured-flag.entity';

/** Whether a worker who arrived on `arrivedOn` is uninsured on `today`: past the allowed days with no health insurance covering today. */
export function isUninsured(arrivedOn: string, today: string, daysAllowed: number, enrolments: { kind: string; coverageFrom: string; coverageUntil: string | null }[]): boolean {
  return today > addDays(arrivedOn, daysAllowed) && !enrolments.some((e) => insuresHealthOn(e, today));
}

/**
 * Run by the destination (where the worker arrived): a worker with no health insurance more than
 * the destination's configured days after arrival is flagged once per journey (claimFlag and the
 * one-per-journey uninsured_flag row), on the corridor topic, so the origin sees it too.
 */
@Injectable()
export class UninsuredCheck extends ClaimedFlagCheck<Arrival> {
  readonly checkName = 'social-protection.uninsured';

  constructor(@Inject(PROTECTION_POLICIES) private readonly policies: ProtectionPolicies) {
    super();
  }

  private get daysAllowed(): number {
    return this.policies(this.config.country).uninsuredAfterDays;
  }

  /** Arrivals past the allowed days that were never flagged. */
  protected findCandidates(manager: EntityManager, { today }: CheckTime): Promise<Arrival[]> {
    return manager
      .createQueryBuilder(Arrival, 'a')
      .where('a.destination = :country AND a.arrived_on < :since', { country: this.config.country, since: addDays(today, -this.daysAllowed) })
      .andWhere('NOT EXISTS (SELECT 1 FROM uninsured_flag f WHERE f.journey_id = a.journey_id)')
      .getMany();
  }

  protected async raiseFor(arrival: Arrival, { manager, publish, raiseOnce }: FlagTransaction, { today }: CheckTime): Promise<void> {
    const daysAllowed = this.daysAllowed;
    const enrolments = await manager.find(SchemeEnrolment, { where: { journeyId: arrival.journeyId } });
    if (!isUninsured(arrival.arrivedOn, today, daysAllowed, enrolments)) return;
    await raiseOnce({ subject: arrival.journeyId, period: arrival.arrivedOn }, async (flagId) => {
      await manager.insert(UninsuredFlag, {
        id: flagId,
        journeyId: arrival.journeyId,
        origin: arrival.origin,
        destination: arrival.destination,
        arrivedOn: arrival.arrivedOn,
        daysAllowed,
        flaggedOn: today,
        clearedOn: null,
        clearedByEnrolment: null,
        recordedAt: new Date(),
      });
      await this.audit.record(manager, { actor: this.actor, action: 'uninsured-flag.raise', targetType: 'uninsured-flag', targetId: flagId, reason: `no health insurance ${daysAllowed} days after arrival on ${arrival.arrivedOn}` });
      const { topic, event } = buildEvent({
        stage: 'social-protection',
        by: this.actor,
        journeyId: arrival.journeyId,
        corridor: { origin: arrival.origin, destination: arrival.destination },
        schema: WorkerUninsuredFlaggedSchema,
        payload: create(WorkerUninsuredFlaggedSchema, { flagId, arrivedOn: arrival.arrivedOn, daysAllowed, flaggedOn: today, missing: SchemeKind.HEALTH_INSURANCE }),
      });
      await publish(topic, event);
    });
  }
}
