import { CorridorFeature } from '@corridor/service-runtime';
import { CreateReintegration1796304634414 } from '../migrations/1796304634414-create-reintegration';
import { ReadServiceProvidersUseCase, ServiceProvidersController, ServiceProvidersUseCase } from '../providers/providers';
import { ServiceProvider } from '../providers/service-provider.entity';
import { CaseScore, FollowUp, Referral, ServiceDelivery } from './case-records.entity';
import { CaseStepsUseCase } from './case-steps.usecase';
import { ReadCasesUseCase } from './read-cases.usecase';
import { ReintegrationCaseOwners } from './reintegration-case-owner';
import { ReintegrationCase } from './reintegration-case.entity';
import { ReintegrationCasesController } from './reintegration-cases.controller';

/** Reintegration cases at origin (assessment, plan, referrals, services, follow-ups, closure) and the registry of service providers. */
@CorridorFeature({
  entities: [ReintegrationCase, CaseScore, FollowUp, Referral, ServiceDelivery, ServiceProvider],
  migrations: [CreateReintegration1796304634414],
  controllers: [ReintegrationCasesController, ServiceProvidersController],
  providers: [ReintegrationCaseOwners, CaseStepsUseCase, ReadCasesUseCase, ServiceProvidersUseCase, ReadServiceProvidersUseCase],
})
export class ReintegrationCasesModule {}
