import { CorridorFeature } from '@corridor/service-runtime';
import { CreateSocialProtection1796304805182 } from '../migrations/1796304805182-create-social-protection';
import { corridorOwners } from '../shared/protection-owners';
import { SHARED_PROVIDERS } from '../shared/shared-providers';
import { FileGrievanceUseCase } from './file-grievance.usecase';
import { GrievanceLedger } from './grievance-ledger';
import { GrievanceOverdueCheck } from './grievance-overdue.check';
import { GrievanceReplicaProjector } from './grievance-replica.projector';
import { GrievanceStep } from './grievance-step.entity';
import { Grievance } from './grievance.entity';
import { GrievancesController } from './grievances.controller';
import { ProgressGrievanceUseCase } from './progress-grievance.usecase';
import { ReadGrievancesUseCase } from './read-grievances.usecase';

@CorridorFeature({
  entities: [Grievance, GrievanceStep],
  migrations: [CreateSocialProtection1796304805182],
  controllers: [GrievancesController, GrievanceReplicaProjector],
  providers: [...SHARED_PROVIDERS, corridorOwners({ grievance: Grievance }), GrievanceLedger, FileGrievanceUseCase, ProgressGrievanceUseCase, ReadGrievancesUseCase, GrievanceOverdueCheck],
  exports: [FileGrievanceUseCase],
})
export class GrievancesModule {}
