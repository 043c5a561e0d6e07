import { CorridorFeature } from '@corridor/service-runtime';
import { CreateRecruitmentStage1763900000110 } from '../migrations/1763900000110-create-recruitment-stage';
import { AgenciesController } from './agencies.controller';
import { Agency } from './agency.entity';
import { ChangeAgencyLicenceUseCase } from './change-agency-licence.usecase';
import { ReadAgenciesUseCase } from './read-agencies.usecase';
import { RegisterAgencyUseCase } from './register-agency.usecase';

@CorridorFeature({
  entities: [Agency],
  migrations: [CreateRecruitmentStage1763900000110],
  controllers: [AgenciesController],
  providers: [RegisterAgencyUseCase, ChangeAgencyLicenceUseCase, ReadAgenciesUseCase],
})
export class AgenciesModule {}
