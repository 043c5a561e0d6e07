import { CorridorFeature } from '@corridor/service-runtime';
import { CreateContracts1763900000320 } from '../migrations/1763900000320-create-contracts';
import { RecruitmentReplicaProjector } from './recruitment-replica.projector';
import { JobOrderReplica } from './job-order-replica.entity';
import { WorkerMatchReplica } from './worker-match-replica.entity';

/** The job orders and matches that drafting needs, kept from the other end's recruitment events. */
@CorridorFeature({ entities: [JobOrderReplica, WorkerMatchReplica], migrations: [CreateContracts1763900000320], controllers: [RecruitmentReplicaProjector] })
export class ReplicasModule {}
