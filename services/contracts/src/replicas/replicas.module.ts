import { CorridorFeature } from '@corridor/service-runtime';
import { CreateContracts1763900000320 } from '../migrations/1763900000320-create-contracts';
import { RecruitmentReplicaProjector } from './recruitment-replica.projector';
import { JobOrderReplica, WorkerMatchReplica } from './replica.entities';

/** The job orders and matches that drafting needs, kept from the other end's recruitment events. */
@CorridorFeature({ entities: [JobOrderReplica, WorkerMatchReplica], migrations: [CreateContracts1763900000320], controllers: [RecruitmentReplicaProjector] })
export class ReplicasModule {}
