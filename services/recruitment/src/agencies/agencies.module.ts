import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { ChangeAgencyLicenceUseCase } from './change-agency-licence.usecase';
import { ReadAgenciesUseCase } from './read-agencies.usecase';
import { RegisterAgencyUseCase } from './register-agency.usecase';

@Module({
  controllers: [AgenciesController],
  providers: [RegisterAgencyUseCase, ChangeAgencyLicenceUseCase, ReadAgenciesUseCase],
})
export class AgenciesModule {}
