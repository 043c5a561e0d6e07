import { Module, type DynamicModule } from '@nestjs/common';
import { corridorsOf, serviceDatabaseName, type NodeConfig } from '@corridor/config';
import { corridorTopic } from '@corridor/events';
import type { OutboxRelayOptions, RetryPolicy } from '@corridor/messaging';
import { CorridorServiceModule } from '@corridor/service-runtime';
import { CONTRACT_ENTITIES } from './contracts/contract.entities';
import { ContractsModule } from './contracts/contracts.module';
import { CreateContracts1763900000300 } from './migrations/1763900000300-create-contracts';
import { JobOrderReplica, WorkerMatchReplica } from './replicas/replica.entities';
import { ReplicasModule } from './replicas/replicas.module';

export const SERVICE_NAME = 'contracts';

export interface ContractsRuntime {
  database?: string;
  groupId?: string;
  retry?: RetryPolicy;
  relay?: OutboxRelayOptions;
  startRelay?: boolean;
}

/** Where this node's contracts go: the contracts topic of each corridor it is an end of. */
export function contractTopics(config: NodeConfig): string[] {
  return corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'contracts'));
}

/**
 * What the service consumes: its corridors' recruitment topics (job orders and matches, for
 * drafting) and contracts topics (the other side's signatures, verifications, amendments, flags).
 */
export function contractsSubscription(config: NodeConfig): string[] {
  return [...corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'recruitment')), ...contractTopics(config)];
}

/** The contract stage of one country node. */
@Module({})
export class ContractsServiceModule {
  static forNode(config: NodeConfig, runtime: ContractsRuntime = {}): DynamicModule {
    return {
      module: ContractsServiceModule,
      imports: [
        CorridorServiceModule.forRoot({
          service: SERVICE_NAME,
          config,
          database: runtime.database ?? serviceDatabaseName(config.country, SERVICE_NAME),
          entities: [...CONTRACT_ENTITIES, JobOrderReplica, WorkerMatchReplica],
          migrations: [CreateContracts1763900000300],
          publishesTo: contractTopics(config),
          relay: runtime.relay,
          startRelay: runtime.startRelay,
        }),
        ReplicasModule,
        ContractsModule,
      ],
    };
  }
}
