import { Module } from '@nestjs/common';
import { CreateJobOrderUseCase } from './create-job-order.usecase';
import { DecideJobOrderUseCase } from './decide-job-order.usecase';
import { JobOrderReplicaProjector } from './job-order-replica.projector';
import { JobOrdersController } from './job-orders.controller';
import { ReadJobOrdersUseCase } from './read-job-orders.usecase';

@Module({
  controllers: [JobOrdersController, JobOrderReplicaProjector],
  providers: [CreateJobOrderUseCase, DecideJobOrderUseCase, ReadJobOrdersUseCase],
})
export class JobOrdersModule {}
