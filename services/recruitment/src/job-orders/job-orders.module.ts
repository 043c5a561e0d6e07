import { CorridorFeature } from '@corridor/service-runtime';
import { CreateRecruitmentStage1763900000110 } from '../migrations/1763900000110-create-recruitment-stage';
import { CreateJobOrderUseCase } from './create-job-order.usecase';
import { DecideJobOrderUseCase } from './decide-job-order.usecase';
import { JobOrder } from './job-order.entity';
import { JobOrderReplicaProjector } from './job-order-replica.projector';
import { JobOrdersController } from './job-orders.controller';
import { ReadJobOrdersUseCase } from './read-job-orders.usecase';

@CorridorFeature({
  entities: [JobOrder],
  migrations: [CreateRecruitmentStage1763900000110],
  controllers: [JobOrdersController, JobOrderReplicaProjector],
  providers: [CreateJobOrderUseCase, DecideJobOrderUseCase, ReadJobOrdersUseCase],
})
export class JobOrdersModule {}
