import { CorridorFeature } from '@corridor/service-runtime';
import { CreateWorkerReport1797100000000 } from '../migrations/1797100000000-create-worker-report';
import { GrievancesModule } from '../grievances/grievances.module';
import { PublicGrievancesController } from './public-grievances.controller';
import { WorkerReport } from './worker-report.entity';
import { WorkerReportsUseCase } from './worker-reports.usecase';

/** Grievances a worker files and follows on the public portal (ADR 0028). */
@CorridorFeature({
  entities: [WorkerReport],
  migrations: [CreateWorkerReport1797100000000],
  imports: [GrievancesModule],
  controllers: [PublicGrievancesController],
  providers: [WorkerReportsUseCase],
})
export class WorkerReportsModule {}
