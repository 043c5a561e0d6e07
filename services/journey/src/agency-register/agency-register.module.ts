import { CorridorFeature } from '@corridor/service-runtime';
import { CreatePublicAgency1796400000000 } from '../migrations/1796400000000-create-public-agency';
import { AgencyRegisterProjector } from './agency-register.projector';
import { PublicAgency } from './public-agency.entity';
import { PublicRegisterController } from './public-register.controller';
import { ReadPublicAgenciesUseCase } from './read-public-agencies.usecase';

/** The public register of licensed agencies and their record (ADR 0028). */
@CorridorFeature({
  entities: [PublicAgency],
  migrations: [CreatePublicAgency1796400000000],
  controllers: [PublicRegisterController, AgencyRegisterProjector],
  providers: [ReadPublicAgenciesUseCase],
})
export class AgencyRegisterModule {}
