import { Module } from '@nestjs/common';
import { corridorsOf, type NodeConfig } from '@corridor/config';
import { corridorTopic } from '@corridor/events';
import { createStageServiceApp, defineService, type ServiceApp, type ServiceRuntime } from '@corridor/service-runtime';
import { ContractsModule } from './contracts/contracts.module';
import { ReplicasModule } from './replicas/replicas.module';
import { RecruitmentReplicaProjector } from './replicas/recruitment-replica.projector';

/** Where this node's contracts go: the contracts topic of each corridor it is an end of. */
export function contractTopics(config: NodeConfig): string[] {
  return corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'contracts'));
}

/** The contract stage of one country node. */
@Module({})
export class ContractsServiceModule {}

export const ContractsService = defineService({
  name: 'contracts',
  module: ContractsServiceModule,
  title: 'Corridor contracts',
  description: 'Employment contracts on the regional standard template: drafting, signatures, verification by both sides, amendments, substitution detection.',
  features: [ReplicasModule, ContractsModule],
  publishesTo: contractTopics,
  /**
   * Its corridors' recruitment topics (job orders and matches, for drafting) and contracts
   * topics (the other side's signatures, verifications, amendments, flags).
   */
  consumes: (config) => [
    ...corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'recruitment')),
    ...contractTopics(config),
    // Employer changes at destination: worse terms than the verified contract are substitution.
    ...corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'deployment')),
  ],
  readModels: [
    {
      // The job orders and matches contracts are drafted from; nothing references these tables.
      name: 'recruitment-replica',
      projectors: [RecruitmentReplicaProjector],
      clear: async (manager) => {
        await manager.query('TRUNCATE job_order_replica, worker_match_replica');
      },
    },
  ],
});

/** The contracts service of one country node, ready to listen or to test in-process. */
export function createContractsApp(config: NodeConfig, runtime: ServiceRuntime = {}): Promise<ServiceApp> {
  return createStageServiceApp(ContractsService, config, runtime);
}
