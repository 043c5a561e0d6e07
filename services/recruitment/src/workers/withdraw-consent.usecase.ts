import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { AuditTrail } from '@corridor/audit';
import type { Officer } from '@corridor/auth';
import type { NodeConfig } from '@corridor/config';
import { InjectNodeConfig } from '@corridor/config';
import { ConsentToShareWithdrawnSchema, corridorTopic, countryTopic, encodeEvent } from '@corridor/events';
import { ConflictProblem } from '@corridor/http';
import { Outbox } from '@corridor/messaging';
import { isoDay } from '@corridor/reference-data';
import { findWorkerFor } from './worker-access';
import { Worker } from './worker.entity';

export class ConsentAlreadyWithdrawn extends ConflictProblem {}

/**
 * Records that the worker withdrew consent to share person data along the corridor. From then on
 * cross-border events of the journey carry none. The withdrawal itself is an event, sent to the
 * destination too once the journey has crossed, so that it stops using what it received.
 */
@Injectable()
export class WithdrawConsentUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  async execute(workerId: string, howGiven: string, officer: Officer, today = new Date()): Promise<{ workerId: string; withdrawnOn: string }> {
    const withdrawnOn = isoDay(today);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const worker = await findWorkerFor(manager, officer, this.config.country, workerId, true);
      if (!worker.consentToShare) {
        throw new ConsentAlreadyWithdrawn(`worker ${workerId} has not consented to share (withdrawn on ${worker.consentToShareWithdrawnOn ?? 'registration'})`);
      }
      await manager.update(Worker, { id: worker.id }, { consentToShare: false, consentToShareWithdrawnOn: withdrawnOn });
      await this.audit.record(manager, { actor: officer, action: 'worker.consent-withdraw', targetType: 'worker', targetId: worker.id, reason: `withdrawn (${howGiven})` });
      const topic = worker.nominatedDestination
        ? corridorTopic(this.config.country, worker.nominatedDestination, 'recruitment')
        : countryTopic(this.config.country, 'recruitment');
      await publish(
        topic,
        encodeEvent({
          schema: ConsentToShareWithdrawnSchema,
          journeyId: worker.journeyId,
          corridor: { origin: this.config.country, destination: worker.nominatedDestination ?? undefined },
          recordedBy: { country: officer.country, agencyId: officer.agencyId, officerId: officer.subject },
          payload: create(ConsentToShareWithdrawnSchema, { workerId: worker.id, withdrawnOn, howGiven }),
        }),
      );
      return { workerId: worker.id, withdrawnOn };
    });
  }
}
