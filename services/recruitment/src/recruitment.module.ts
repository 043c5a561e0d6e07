import { Module, type DynamicModule } from '@nestjs/common';
import { serviceDatabaseName, type NodeConfig } from '@corridor/config';
import { countryTopic, corridorTopic } from '@corridor/events';
import type { OutboxRelayOptions } from '@corridor/messaging';
import { CorridorServiceModule } from '@corridor/service-runtime';
import { CreateWorker1763900000100 } from './migrations/1763900000100-create-worker';
import { Worker } from './workers/worker.entity';
import { WorkersModule } from './workers/workers.module';

export const SERVICE_NAME = 'recruitment';

export interface RecruitmentRuntime {
  database?: string;
  relay?: OutboxRelayOptions;
  startRelay?: boolean;
}

/** The recruitment stage of one country node: workers (and, later, agencies, job orders, fees). */
@Module({})
export class RecruitmentModule {
  static forNode(config: NodeConfig, runtime: RecruitmentRuntime = {}): DynamicModule {
    return {
      module: RecruitmentModule,
      imports: [
        CorridorServiceModule.forRoot({
          service: SERVICE_NAME,
          config,
          database: runtime.database ?? serviceDatabaseName(config.country, SERVICE_NAME),
          entities: [Worker],
          migrations: [CreateWorker1763900000100],
          publishesTo: [
            countryTopic(config.country, 'recruitment'),
            ...config.corridors.filter((c) => c.origin === config.country).map((c) => corridorTopic(c.origin, c.destination, 'recruitment')),
          ],
          relay: runtime.relay,
          startRelay: runtime.startRelay,
        }),
        WorkersModule,
      ],
    };
  }
}
