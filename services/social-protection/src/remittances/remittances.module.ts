import { CorridorFeature } from '@corridor/service-runtime';
import { corridorOwners } from '../shared/protection-owners';
import { ReadRemittancesUseCase } from './read-remittances.usecase';
import { RecordRemittanceUseCase } from './record-remittance.usecase';
import { RemittanceReplicaProjector } from './remittance-replica.projector';
import { Remittance } from './remittance.entity';
import { RemittancesController } from './remittances.controller';

@CorridorFeature({
  entities: [Remittance],
  controllers: [RemittancesController, RemittanceReplicaProjector],
  providers: [corridorOwners({ remittance: Remittance }), RecordRemittanceUseCase, ReadRemittancesUseCase],
})
export class RemittancesModule {}
