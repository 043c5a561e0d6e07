import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ResourceOwners, type ResourceOwner } from '@corridor/auth';
import type { NodeConfig } from '@corridor/config';
import { Deployment } from './deployment.entity';
import { DeploymentNotFound, DeploymentStepInvalid } from './deployment.errors';

/** A deployment belongs to its corridor: both ends see it (it exists only once the clearance crossed). */
export function ownerOfDeployment(d: Pick<Deployment, 'origin' | 'destination'>): ResourceOwner {
  return { origin: d.origin, destination: d.destination, sharedWithDestination: true };
}

@Injectable()
export class DeploymentOwners implements OnModuleInit {
  constructor(
    private readonly owners: ResourceOwners,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.owners.define('deployment', async (journeyId) => {
      if (!/^[0-9a-f-]{36}$/i.test(journeyId)) return undefined;
      const d = await this.dataSource.getRepository(Deployment).findOneBy({ journeyId });
      return d ? ownerOfDeployment(d) : undefined;
    });
  }
}

/** The deployment, locked for the step, recorded by the given end of the corridor (this node). */
export async function deploymentFor(manager: EntityManager, journeyId: string, node: Pick<NodeConfig, 'country'>, side: 'origin' | 'destination', step: string): Promise<Deployment> {
  const d = await manager.findOne(Deployment, { where: { journeyId }, lock: { mode: 'pessimistic_write' } });
  if (!d) throw new DeploymentNotFound(journeyId);
  if (d[side] !== node.country) throw new DeploymentStepInvalid(`${step} is recorded by the ${side} of the corridor, ${d[side]}`, 'journeyId');
  return d;
}
