import { CorridorFeature } from '@corridor/service-runtime';
import { CreateRecruitmentStage1763900000110 } from '../migrations/1763900000110-create-recruitment-stage';
import { DecideBreachUseCase } from './decide-breach.usecase';
import { NODE_CONFIG, type NodeConfig } from '@corridor/config';
import { FEE_CAPS, feeCapsFromCorridors } from './fee-caps';
import { FeeBreach } from './fee-breach.entity';
import { FeePayment } from './fee-payment.entity';
import { FeeRefund } from './fee-refund.entity';
import { FeesController } from './fees.controller';
import { ReadFeesUseCase } from './read-fees.usecase';
import { RecordFeeUseCase } from './record-fee.usecase';
import { RecordRefundUseCase } from './record-refund.usecase';

@CorridorFeature({
  entities: [FeePayment, FeeBreach, FeeRefund],
  migrations: [CreateRecruitmentStage1763900000110],
  controllers: [FeesController],
  providers: [
    // The cap is a corridor policy (configuration), checked when the node starts.
    { provide: FEE_CAPS, inject: [NODE_CONFIG], useFactory: (config: NodeConfig) => feeCapsFromCorridors(config) },
    RecordFeeUseCase,
    RecordRefundUseCase,
    DecideBreachUseCase,
    ReadFeesUseCase,
  ],
})
export class FeesModule {}
