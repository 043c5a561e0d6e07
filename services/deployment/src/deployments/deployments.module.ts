import { CorridorFeature } from '@corridor/service-runtime';
import { type NodeConfig, NODE_CONFIG } from '@corridor/config';
import { CreateDeployments1797000000010 } from '../migrations/1797000000010-create-deployments';
import { DeploymentReturns1797000000030 } from '../migrations/1797000000030-deployment-returns';
import { ContractVerificationsBySide1797100000001 } from '../migrations/1797100000001-contract-verifications-by-side';
import { ClearanceReadiness } from '../readiness/clearance-readiness.entity';
import { ConfirmArrivalListUseCase, ConfirmArrivalUseCase, ReportDiscrepancyUseCase } from './arrival.usecases';
import { ClearanceSigner } from './clearance-document';
import { GrantExitClearanceUseCase, RecordInsuranceUseCase, RevokeClearanceUseCase } from './clearance.usecases';
import { DeploymentOwners } from './deployment-access';
import { MissingArrivalCheck, PermitExpiryCheck } from './deployment-checks';
import { DeploymentReplicaProjector } from './deployment-replica.projector';
import { DeploymentReturnProjector } from './deployment-return.projector';
import { Deployment } from './deployment.entity';
import { DeploymentsController, PublicClearancesController } from './deployments.controller';
import { RecordCrossingUseCase, RecordDepartureUseCase } from './movement.usecases';
import { ChangeEmployerUseCase, ExtendPermitUseCase, IssuePermitUseCase } from './permit.usecases';
import { ReadDeploymentsUseCase } from './read-deployments.usecase';

@CorridorFeature({
  entities: [Deployment, ClearanceReadiness],
  migrations: [CreateDeployments1797000000010, DeploymentReturns1797000000030, ContractVerificationsBySide1797100000001],
  controllers: [DeploymentsController, PublicClearancesController, DeploymentReplicaProjector, DeploymentReturnProjector],
  providers: [
    { provide: ClearanceSigner, useFactory: (config: NodeConfig) => new ClearanceSigner(config.country), inject: [NODE_CONFIG] },
    DeploymentOwners,
    GrantExitClearanceUseCase,
    RecordInsuranceUseCase,
    RevokeClearanceUseCase,
    RecordDepartureUseCase,
    RecordCrossingUseCase,
    ConfirmArrivalUseCase,
    ReportDiscrepancyUseCase,
    ConfirmArrivalListUseCase,
    IssuePermitUseCase,
    ExtendPermitUseCase,
    ChangeEmployerUseCase,
    ReadDeploymentsUseCase,
    MissingArrivalCheck,
    PermitExpiryCheck,
  ],
})
export class DeploymentsModule {}
