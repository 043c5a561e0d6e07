import { SubstitutionSourceEmployerChange1797000000020 } from '../migrations/1797000000020-substitution-source-employer-change';
import { EmployerChangeProjector } from './employer-change.projector';
import { CorridorFeature } from '@corridor/service-runtime';
import { CreateContracts1763900000320 } from '../migrations/1763900000320-create-contracts';
import { AmendContractUseCase } from './amend-contract.usecase';
import { ContractOwners } from './contract-owner';
import { ContractRegistration } from './contract-registration.entity';
import { ContractStep } from './contract-step.entity';
import { ContractVersion } from './contract-version.entity';
import { Contract } from './contract.entity';
import { SubstitutionFlag } from './substitution-flag.entity';
import { ContractReplicaProjector } from './contract-replica.projector';
import { ContractsController } from './contracts.controller';
import { DraftContractUseCase } from './draft-contract.usecase';
import { ReadContractsUseCase } from './read-contracts.usecase';
import { RegisterAtDestinationUseCase } from './register-at-destination.usecase';
import { RejectContractUseCase } from './reject-contract.usecase';
import { ResolveSubstitutionFlagUseCase } from './resolve-substitution-flag.usecase';
import { SignContractUseCase } from './sign-contract.usecase';
import { VerifyContractUseCase } from './verify-contract.usecase';

@CorridorFeature({
  entities: [Contract, ContractVersion, ContractStep, ContractRegistration, SubstitutionFlag],
  migrations: [CreateContracts1763900000320, SubstitutionSourceEmployerChange1797000000020],
  controllers: [ContractsController, ContractReplicaProjector, EmployerChangeProjector],
  providers: [
    ContractOwners,
    DraftContractUseCase,
    SignContractUseCase,
    VerifyContractUseCase,
    RejectContractUseCase,
    AmendContractUseCase,
    RegisterAtDestinationUseCase,
    ResolveSubstitutionFlagUseCase,
    ReadContractsUseCase,
  ],
})
export class ContractsModule {}
