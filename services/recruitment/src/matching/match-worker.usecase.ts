import { ForbiddenException, Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { FeeBreachFlaggedSchema, WorkerMatchedSchema, corridorTopic, encodeEvent } from '@corridor/events';
import { ConflictProblem, NotFoundProblem } from '@corridor/http';
import { Outbox } from '@corridor/messaging';
import { assertAgencyMayRecruit } from '../agencies/agency-licence';
import { actorOf } from '../common/roles';
import { FeeBreach } from '../fees/fee.entities';
import { JobOrder } from '../job-orders/job-order.entity';
import { nextJobOrderStatus } from '../job-orders/job-order-state';
import { findWorkerFor } from '../workers/worker-access';
import { SEX_ON_THE_WIRE } from '../workers/worker-events';
import { WorkerPersonData } from '../workers/worker-person-data';
import { matchView, type MatchView } from './match-view';
import { WorkerMatch } from './worker-match.entity';

export class JobOrderFull extends ConflictProblem {
  constructor(order: JobOrder) {
    super(`job order ${order.id} asked for ${order.workersRequested} worker(s) and ${order.workersMatched} are matched: no place left`, {
      currentState: 'filled',
      allowedActions: [],
      workersRequested: order.workersRequested,
      workersMatched: order.workersMatched,
    });
  }
}

export class AlreadyMatched extends ConflictProblem {}
export class OtherDestination extends ConflictProblem {}

/**
 * Matches a registered worker to a verified job order of this (origin) node: the journey's
 * name-list entry. Holds the job order row lock for the whole transaction, so concurrent matches
 * for the last place are serialised and a job order never takes more workers than it asked for.
 */
@Injectable()
export class MatchWorkerUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly personData: WorkerPersonData,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async execute(jobOrderId: string, workerId: string, officer: Officer, today = new Date()): Promise<MatchView> {
    const origin = this.config.country;
    return this.outbox.transaction(async ({ manager, publish }) => {
      const order = await manager.findOne(JobOrder, { where: { id: jobOrderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new NotFoundProblem(`job order ${jobOrderId} not found`);
      if (order.origin !== origin) throw new ForbiddenException(`workers for job order ${order.id} are matched by its origin ${order.origin}, not ${origin}`);
      if (order.status === 'filled' || order.workersMatched >= order.workersRequested) throw new JobOrderFull(order);
      nextJobOrderStatus(order, 'match');
      const worker = await findWorkerFor(manager, officer, origin, workerId, true);
      await assertAgencyMayRecruit(manager, officer, today);
      const existing = await manager.findOne(WorkerMatch, { where: { workerId: worker.id } });
      if (existing) throw new AlreadyMatched(`worker ${worker.id} is already matched to job order ${existing.jobOrderId}`, { jobOrderId: existing.jobOrderId });
      if (worker.nominatedDestination && worker.nominatedDestination !== order.destination) {
        throw new OtherDestination(`worker ${worker.id} is on the ${worker.nominatedDestination} name list; job order ${order.id} is for ${order.destination}`);
      }
      const match = manager.create(WorkerMatch, {
        id: uuidv7(),
        jobOrderId: order.id,
        workerId: worker.id,
        journeyId: worker.journeyId,
        agencyId: worker.agencyId,
        destination: order.destination,
        status: 'matched',
        matchedBy: officer.subject,
        matchedAt: new Date(),
      });
      await manager.insert(WorkerMatch, match);
      const matched = order.workersMatched + 1;
      await manager.update(JobOrder, { id: order.id }, { workersMatched: matched, status: matched >= order.workersRequested ? 'filled' : order.status, updatedAt: new Date() });
      await manager.update('worker', { id: worker.id }, { nominatedDestination: order.destination });
      const { sealedPersonData, encryptionKeyId } = this.personData.forDestination(worker, order.destination);
      await this.audit.record(manager, {
        actor: officer,
        action: 'worker.match',
        targetType: 'worker',
        targetId: worker.id,
        reason: `job order ${order.id} (${order.destination})`,
        details: { jobOrderId: order.id, personDataShared: worker.consentToShare },
      });
      await publish(
        corridorTopic(origin, order.destination, 'recruitment'),
        encodeEvent({
          schema: WorkerMatchedSchema,
          journeyId: worker.journeyId,
          corridor: { origin, destination: order.destination },
          recordedBy: actorOf(officer),
          encryptionKeyId,
          payload: create(WorkerMatchedSchema, {
            workerId: worker.id,
            jobOrderId: order.id,
            destination: order.destination,
            sex: SEX_ON_THE_WIRE[worker.sex],
            birthYear: worker.birthYear,
            occupationIsco: order.occupationIsco,
            agencyId: worker.agencyId ?? '',
            sealedPersonData,
          }),
        }),
      );
      // A fee breach flagged before the crossing goes along, so the destination sees the open flag too.
      const openBreach = await manager.findOne(FeeBreach, { where: { journeyId: worker.journeyId, status: 'open' } });
      if (openBreach) {
        await publish(
          corridorTopic(origin, order.destination, 'recruitment'),
          encodeEvent({
            schema: FeeBreachFlaggedSchema,
            journeyId: worker.journeyId,
            corridor: { origin, destination: order.destination },
            recordedBy: actorOf(officer),
            payload: create(FeeBreachFlaggedSchema, {
              breachId: openBreach.id,
              workerId: worker.id,
              feeId: openBreach.feeId,
              cap: { amountMinor: BigInt(openBreach.capMinor), currency: openBreach.capCurrency },
              paidTotal: { amountMinor: BigInt(openBreach.paidTotalMinor), currency: openBreach.currency },
              reason: openBreach.reason,
              blocksDeparture: true,
            }),
          }),
        );
      }
      return { ...matchView(match), personDataShared: worker.consentToShare };
    });
  }
}
