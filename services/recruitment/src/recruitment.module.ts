import { Module, type DynamicModule } from '@nestjs/common';
import { corridorsOf, serviceDatabaseName, type NodeConfig } from '@corridor/config';
import { countryTopic, corridorTopic } from '@corridor/events';
import type { OutboxRelayOptions } from '@corridor/messaging';
import { CorridorServiceModule } from '@corridor/service-runtime';
import { AgenciesModule } from './agencies/agencies.module';
import { RecruitmentAccessModule } from './common/recruitment-access.module';
import { Agency } from './agencies/agency.entity';
import { FeeBreach, FeePayment, FeeRefund } from './fees/fee.entities';
import { FeesModule } from './fees/fees.module';
import { JobOrder } from './job-orders/job-order.entity';
import { JobOrdersModule } from './job-orders/job-orders.module';
import { MatchingModule } from './matching/matching.module';
import { WorkerMatch } from './matching/worker-match.entity';
import { CreateWorker1763900000100 } from './migrations/1763900000100-create-worker';
import { CreateRecruitmentStage1763900000110 } from './migrations/1763900000110-create-recruitment-stage';
import { WorkerPersonDetails1763900000120 } from './migrations/1763900000120-worker-person-details';
import { OrientationAttendance, OrientationSession } from './orientation/orientation.entities';
import { OrientationModule } from './orientation/orientation.module';
import { Worker } from './workers/worker.entity';
import { WorkersModule } from './workers/workers.module';

export const SERVICE_NAME = 'recruitment';

export interface RecruitmentRuntime {
  database?: string;
  /** Consumer group for the corridor topics (job-order replicas); one per node database. */
  groupId?: string;
  relay?: OutboxRelayOptions;
  startRelay?: boolean;
}

/**
 * The corridor topics of every corridor this node is part of: it publishes job orders on them as
 * destination, worker journeys as origin, and consumes them to keep replicas of the job orders
 * the other end recorded.
 */
export function recruitmentCorridorTopics(config: NodeConfig): string[] {
  return corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, 'recruitment'));
}

/** The recruitment stage of one country node: workers, agencies, job orders, matching, orientation, fees. */
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
          entities: [Worker, Agency, JobOrder, WorkerMatch, OrientationSession, OrientationAttendance, FeePayment, FeeBreach, FeeRefund],
          migrations: [CreateWorker1763900000100, CreateRecruitmentStage1763900000110, WorkerPersonDetails1763900000120],
          publishesTo: [countryTopic(config.country, 'recruitment'), ...recruitmentCorridorTopics(config)],
          relay: runtime.relay,
          startRelay: runtime.startRelay,
        }),
        RecruitmentAccessModule,
        WorkersModule,
        AgenciesModule,
        JobOrdersModule,
        MatchingModule,
        OrientationModule,
        FeesModule,
      ],
    };
  }
}
