import { CorridorFeature } from '@corridor/service-runtime';
import { corridorOwners } from '../shared/protection-owners';
import { SHARED_PROVIDERS } from '../shared/shared-providers';
import { EnrolmentReplicaProjector } from './enrolment-replica.projector';
import { EnrolmentsController } from './enrolments.controller';
import { ReadEnrolmentsUseCase } from './read-enrolments.usecase';
import { RecordEnrolmentUseCase } from './record-enrolment.usecase';
import { SchemeEnrolment } from './scheme-enrolment.entity';
import { UninsuredFlag } from './uninsured-flag.entity';

@CorridorFeature({
  entities: [SchemeEnrolment, UninsuredFlag],
  controllers: [EnrolmentsController, EnrolmentReplicaProjector],
  providers: [...SHARED_PROVIDERS, corridorOwners({ enrolment: SchemeEnrolment }), RecordEnrolmentUseCase, ReadEnrolmentsUseCase],
})
export class EnrolmentsModule {}
