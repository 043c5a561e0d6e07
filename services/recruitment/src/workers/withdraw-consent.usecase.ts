import { Injectable } from '@nestjs/common';
import { WriteUseCase } from '@corridor/service-runtime';
import { create } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { ConsentToShareWithdrawnSchema, buildEvent } from '@corridor/events';
import { journeyCorridor } from '../common/journey-events';
import { findWorkerFor } from './worker-access';
import { Worker } from './worker.entity';
import type { ConsentWithdrawalView } from './worker.views';
import { withdrawalOf } from './consent';

/**
 * Records that the worker withdrew consent to share person data along the corridor. From then on
 * cross-border events of the journey carry none. The withdrawal itself is an event, sent to the
 * destination too once the journey has crossed, so that it stops using what it received.
 */
@Injectable()
export class WithdrawConsentUseCase extends WriteUseCase {
  async execute(workerId: string, howGiven: string, officer: Officer, today = new Date()): Promise<ConsentWithdrawalView> {
    return this.outbox.transaction(async ({ manager, publish }) => {
      const worker = await findWorkerFor(manager, officer, this.config.country, workerId, true);
      const withdrawal = withdrawalOf(worker, today);
      const withdrawnOn = withdrawal.consentToShareWithdrawnOn;
      await manager.update(Worker, { id: worker.id }, withdrawal);
      await this.audit.record(manager, { actor: officer, action: 'worker.consent-withdraw', targetType: 'worker', targetId: worker.id, reason: `withdrawn (${howGiven})` });
      const { topic, event } = buildEvent({
        stage: 'recruitment',
        by: officer,
        journeyId: worker.journeyId,
        corridor: journeyCorridor(this.config.country, worker),
        schema: ConsentToShareWithdrawnSchema,
        payload: create(ConsentToShareWithdrawnSchema, { workerId: worker.id, withdrawnOn, howGiven }),
      });
      await publish(topic, event);
      return { workerId: worker.id, withdrawnOn };
    });
  }
}
