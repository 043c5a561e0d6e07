import { CorridorFeature } from '@corridor/service-runtime';
import { corridorOwners } from '../shared/protection-owners';
import { SHARED_PROVIDERS } from '../shared/shared-providers';
import { ArrivalsFromDeployment1797000000011 } from '../migrations/1797000000011-arrivals-from-deployment';
import { Arrival } from './arrival.entity';
import { ArrivalsProjector } from './arrivals.projector';
import { EnrolmentReplicaProjector } from './enrolment-replica.projector';
import { EnrolmentsController } from './enrolments.controller';
import { ReadEnrolmentsUseCase } from './read-enrolments.usecase';
import { RecordEnrolmentUseCase } from './record-enrolment.usecase';
import { SchemeEnrolment } from './scheme-enrolment.entity';
import { UninsuredCheck } from './uninsured.check';
import { UninsuredFlag } from './uninsured-flag.entity';

@CorridorFeature({
  entities: [SchemeEnrolment, UninsuredFlag, Arrival],
  migrations: [ArrivalsFromDeployment1797000000011],
  controllers: [EnrolmentsController, EnrolmentReplicaProjector, ArrivalsProjector],
  providers: [...SHARED_PROVIDERS, corridorOwners({ enrolment: SchemeEnrolment }), RecordEnrolmentUseCase, ReadEnrolmentsUseCase, UninsuredCheck],
})
export class EnrolmentsModule {}
