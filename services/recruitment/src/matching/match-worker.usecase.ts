import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { FeeBreachFlaggedSchema, WorkerMatchedSchema, buildEvent } from '@corridor/events';
import { ForbiddenForSide, NotFoundProblem } from '@corridor/http';
import { assertAgencyMayRecruit } from '../agencies/agency-licence';
import { FeeBreach } from '../fees/fee-breach.entity';
import { JobOrder } from '../job-orders/job-order.entity';
import { JOB_ORDER_LIFECYCLE } from '@corridor/state-machine';
import { WriteUseCase } from '@corridor/service-runtime';
import { feeBreachFlagged } from '../fees/fee-events';
import { JobOrderFull } from '../job-orders/job-orders.errors';
import { findWorkerFor } from '../workers/worker-access';
import { SEX_ON_THE_WIRE } from '../workers/worker-events';
import { WorkerPersonData } from '../workers/worker-person-data';
import { matchView, type MatchView } from './match.views';
import { WorkerAlreadyMatched, WorkerNominatedElsewhere } from './matching.errors';
import { WorkerMatch } from './worker-match.entity';

/**
 * Matches a registered worker to a verified job order of this (origin) node: the journey's
 * name-list entry. Holds the job order row lock for the whole transaction, so concurrent matches
 * for the last place are serialised and a job order never takes more workers than it asked for.
 */
@Injectable()
export class MatchWorkerUseCase extends WriteUseCase {
  constructor(private readonly personData: WorkerPersonData) {
    super();
  }

  async execute(jobOrderId: string, workerId: string, officer: Officer, today = new Date()): Promise<MatchView> {
    const origin = this.config.country;
    return this.outbox.transaction(async ({ manager, publish }) => {
      const order = await manager.findOne(JobOrder, { where: { id: jobOrderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw new NotFoundProblem('job order', jobOrderId);
      if (order.origin !== origin) throw new ForbiddenForSide('match', 'origin', `workers for job order ${order.id} are matched by its origin ${order.origin}, not ${origin}`, { sideCountry: order.origin, nodeCountry: origin });
      if (order.status === 'filled' || order.workersMatched >= order.workersRequested) throw new JobOrderFull(order);
      const matched = order.workersMatched + 1;
      const status = JOB_ORDER_LIFECYCLE.next(order, 'match', () => (matched >= order.workersRequested ? 'filled' : 'verified'));
      const worker = await findWorkerFor(manager, officer, origin, workerId, true);
      await assertAgencyMayRecruit(manager, officer, today);
      const existing = await manager.findOne(WorkerMatch, { where: { workerId: worker.id } });
      if (existing) throw new WorkerAlreadyMatched(worker.id, existing.jobOrderId);
      if (worker.nominatedDestination && worker.nominatedDestination !== order.destination) {
        throw new WorkerNominatedElsewhere(worker.id, worker.nominatedDestination, order.id, order.destination);
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
      await manager.update(JobOrder, { id: order.id }, { workersMatched: matched, status, updatedAt: new Date() });
      await manager.update('worker', { id: worker.id }, { nominatedDestination: order.destination });
      const { sealedPersonData, encryptionKeyId, personDataShared } = this.personData.forDestination(worker, order.destination);
      await this.audit.record(manager, {
        actor: officer,
        action: 'worker.match',
        targetType: 'worker',
        targetId: worker.id,
        reason: `job order ${order.id} (${order.destination})`,
        details: { jobOrderId: order.id, personDataShared },
      });
      const corridor = { origin, destination: order.destination };
      const matchedEvent = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: worker.journeyId,
        corridor,
        encryptionKeyId,
        schema: WorkerMatchedSchema,
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
      });
      await publish(matchedEvent.topic, matchedEvent.event);
      // A fee breach flagged before the crossing goes along, so the destination sees the open flag
      // too: the match is what sends it across (its causation id).
      const openBreach = await manager.findOne(FeeBreach, { where: { journeyId: worker.journeyId, status: 'open' } });
      if (openBreach) {
        const flagged = buildEvent({ stage: 'recruitment', by: officer, journeyId: worker.journeyId, corridor, schema: FeeBreachFlaggedSchema, payload: feeBreachFlagged(openBreach), causedBy: matchedEvent.event });
        await publish(flagged.topic, flagged.event);
      }
      return { ...matchView(match), personDataShared };
    });
  }
}
