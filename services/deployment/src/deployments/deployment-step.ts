import { create, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import type { AuditTrail } from '@corridor/audit';
import { openCorridor, type CorridorPolicy, type NodeConfig } from '@corridor/config';
import { buildEvent, type EventRecorder } from '@corridor/events';
import type { OutboxTransaction } from '@corridor/messaging';
import type { DeploymentAction } from '@corridor/state-machine';
import type { Officer } from '@corridor/auth';
import { applyStep } from './deployment-steps';
import { Deployment } from './deployment.entity';
import { DeploymentStepInvalid } from './deployment.errors';

/** The corridor's policy (infra/config/corridor-policies.json through the node config). */
export function policyOf(config: Pick<NodeConfig, 'corridors'>, d: Pick<Deployment, 'origin' | 'destination'>): CorridorPolicy {
  const corridor = openCorridor(config, d.origin, d.destination);
  if (!corridor) throw new DeploymentStepInvalid(`no corridor is open from ${d.origin} to ${d.destination}`, 'destination');
  return corridor.policy;
}

/**
 * One step of a deployment in the caller's outbox transaction: the state machine and the effect
 * (applyStep, as the replica applies it), the row, the audit entry and the event on the corridor topic.
 */
export async function recordStep<Desc extends DescMessage>(
  { manager, publish }: Pick<OutboxTransaction, 'manager' | 'publish'>,
  audit: AuditTrail,
  d: Deployment,
  by: Officer | EventRecorder,
  action: DeploymentAction,
  schema: Desc,
  payload: MessageInitShape<Desc>,
  reason: string,
): Promise<void> {
  const at = new Date();
  const message = create(schema, payload);
  applyStep(d, action, message as never, at);
  await manager.save(Deployment, d);
  await audit.record(manager, { actor: by, action: `deployment.${action}`, targetType: 'deployment', targetId: d.journeyId, reason });
  const { topic, event } = buildEvent({ stage: 'deployment', by, journeyId: d.journeyId, corridor: { origin: d.origin, destination: d.destination }, occurredAt: at, schema, payload: message });
  await publish(topic, event);
}
