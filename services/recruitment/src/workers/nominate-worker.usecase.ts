import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { WorkerNominatedSchema, buildEvent } from '@corridor/events';
import { WriteUseCase } from '@corridor/service-runtime';
import { assertCorridorOpen } from '../common/corridors';
import { findWorkerFor } from './worker-access';
import { WorkerPersonData } from './worker-person-data';
import { SEX_ON_THE_WIRE } from './worker-events';
import { WorkerAlreadyNominated } from './workers.errors';
import type { NominationView } from './worker.views';

/**
 * Puts a worker on a destination's name list: the journey's first event on the corridor topic.
 * Person data goes with it only along an open corridor, only with consent to share, and only
 * sealed for the destination country's key.
 */
@Injectable()
export class NominateWorkerUseCase extends WriteUseCase {
  constructor(private readonly personData: WorkerPersonData) {
    super();
  }

  async execute(workerId: string, destination: string, officer: Officer): Promise<NominationView> {
    const origin = this.config.country;
    assertCorridorOpen(this.config, origin, destination);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const worker = await findWorkerFor(manager, officer, origin, workerId, true);
      if (worker.nominatedDestination) {
        throw new WorkerAlreadyNominated(workerId, worker.nominatedDestination);
      }
      worker.nominatedDestination = destination;
      await manager.update('worker', { id: worker.id }, { nominatedDestination: destination });
      const { sealedPersonData, encryptionKeyId, personDataShared } = this.personData.forDestination(worker, destination);
      await this.audit.record(manager, {
        actor: officer,
        action: 'worker.nominate',
        targetType: 'worker',
        targetId: worker.id,
        reason: `name list for ${destination}`,
        details: { destination, personDataShared },
      });
      const { topic, event } = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: worker.journeyId,
        corridor: { origin, destination },
        encryptionKeyId,
        schema: WorkerNominatedSchema,
        payload: create(WorkerNominatedSchema, {
          workerId: worker.id,
          destination,
          sex: SEX_ON_THE_WIRE[worker.sex],
          birthYear: worker.birthYear,
          occupationIsco: worker.occupationIsco ?? '',
          sealedPersonData,
        }),
      });
      await publish(topic, event);
      return { workerId: worker.id, journeyId: worker.journeyId, destination, personDataShared };
    });
  }
}
