import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { SchemeKind, WorkerUninsuredFlaggedSchema, buildEvent, systemActor } from '@corridor/events';
import { Outbox } from '@corridor/messaging';
import { addDays } from '@corridor/reference-data';
import { claimFlag, Scheduler, type CheckTime, type ScheduledCheck } from '@corridor/scheduler';
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
export class UninsuredCheck implements ScheduledCheck, OnModuleInit {
  readonly checkName = 'social-protection.uninsured';

  constructor(
    private readonly scheduler: Scheduler,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
    @Inject(PROTECTION_POLICIES) private readonly policies: ProtectionPolicies,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async run({ today }: CheckTime): Promise<number> {
    const daysAllowed = this.policies(this.config.country).uninsuredAfterDays;
    const candidates = await this.outbox.transaction(({ manager }) =>
      manager
        .createQueryBuilder(Arrival, 'a')
        .where('a.destination = :country AND a.arrived_on < :since', { country: this.config.country, since: addDays(today, -daysAllowed) })
        .andWhere('NOT EXISTS (SELECT 1 FROM uninsured_flag f WHERE f.journey_id = a.journey_id)')
        .getMany(),
    );
    let raised = 0;
    for (const arrival of candidates) {
      await this.outbox.transaction(async ({ manager, publish }) => {
        const enrolments = await manager.find(SchemeEnrolment, { where: { journeyId: arrival.journeyId } });
        if (!isUninsured(arrival.arrivedOn, today, daysAllowed, enrolments)) return;
        const flagId = uuidv7();
        if (!(await claimFlag(manager, { check: this.checkName, subject: arrival.journeyId, period: arrival.arrivedOn }, flagId))) return;
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
        const by = systemActor(this.config.country, this.checkName);
        await this.audit.record(manager, { actor: by, action: 'uninsured-flag.raise', targetType: 'uninsured-flag', targetId: flagId, reason: `no health insurance ${daysAllowed} days after arrival on ${arrival.arrivedOn}` });
        const { topic, event } = buildEvent({
          stage: 'social-protection',
          by,
          journeyId: arrival.journeyId,
          corridor: { origin: arrival.origin, destination: arrival.destination },
          schema: WorkerUninsuredFlaggedSchema,
          payload: create(WorkerUninsuredFlaggedSchema, { flagId, arrivedOn: arrival.arrivedOn, daysAllowed, flaggedOn: today, missing: SchemeKind.HEALTH_INSURANCE }),
        });
        await publish(topic, event);
        raised += 1;
      });
    }
    return raised;
  }
}
