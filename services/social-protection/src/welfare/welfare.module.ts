import { CorridorFeature } from '@corridor/service-runtime';
import { corridorOwners } from '../shared/protection-owners';
import { SHARED_PROVIDERS } from '../shared/shared-providers';
import { ReadWelfareCasesUseCase } from './read-welfare-cases.usecase';
import { WelfareCaseReplicaProjector } from './welfare-case-replica.projector';
import { WelfareCase } from './welfare-case.entity';
import { WelfareCasesController } from './welfare-cases.controller';
import { WelfareCasesUseCase } from './welfare-cases.usecase';
import { WelfareLedger } from './welfare-ledger';
import { WelfareNote } from './welfare-note.entity';

@CorridorFeature({
  entities: [WelfareCase, WelfareNote],
  controllers: [WelfareCasesController, WelfareCaseReplicaProjector],
  providers: [...SHARED_PROVIDERS, corridorOwners({ 'welfare-case': WelfareCase }), WelfareLedger, WelfareCasesUseCase, ReadWelfareCasesUseCase],
})
export class WelfareModule {}
