import { Module } from '@nestjs/common';
import { RecruitmentReplicaProjector } from './recruitment-replica.projector';

@Module({ controllers: [RecruitmentReplicaProjector] })
export class ReplicasModule {}
