import { Controller } from '@nestjs/common';
import { ReturnRecordedSchema, occurredAt, returnStatusName } from '@corridor/events';
import { HandlesEvent, logLeftOut, type ReceivedEventOf } from '@corridor/messaging';
import { NodeEventProjector } from '@corridor/service-runtime';
import { applyStep } from './deployment-steps';
import { Deployment } from './deployment.entity';
import { returnEffect } from './deployment.rules';

/**
 * A happened return closes the journey's deployment at this node. Both ends' deployment services
 * read the corridor's reintegration topic and each closes its own row, whichever end's
 * reintegration service recorded the return, so unlike the replica projector it applies the
 * events its own node recorded too. It publishes nothing: the return is the event both ends act
 * on, and a deployment event of its own would only echo it back.
 */
@Controller()
export class DeploymentReturnProjector extends NodeEventProjector {
  @HandlesEvent(ReturnRecordedSchema)
  async onReturnRecorded(event: ReceivedEventOf<typeof ReturnRecordedSchema>): Promise<void> {
    const { envelope, payload, manager } = event;
    const journeyId = envelope.journeyId;
    const d = await manager.findOne(Deployment, { where: { journeyId }, lock: { mode: 'pessimistic_write' } });
    // Most returns are of journeys never cleared here (a mass return, a worker who went abroad outside the corridor's channel): nothing to close.
    if (!d) return;
    const effect = returnEffect(d, { returnId: payload.returnId, status: returnStatusName(payload.status) });
    if (effect.kind === 'left-out') return logLeftOut(this.logger, event, effect.reason);
    if (effect.kind === 'unchanged') return;
    applyStep(d, 'return', payload, occurredAt(envelope));
    await manager.save(Deployment, d);
    await this.audit.recordReplicated(manager, { replica: 'deployment-return', country: this.config.country, event: envelope, action: 'deployment.return', targetType: 'deployment', targetId: journeyId });
  }
}
