import { CorridorFeature } from '@corridor/service-runtime';
import { CaseOpener } from '../cases/case-opener';
import { KnownJourney } from '../journeys/known-journey.entity';
import { KnownJourneysProjector } from '../journeys/known-journeys.projector';
import { MassReturnBatch } from './mass-return-batch.entity';
import { MassReturnRow } from './mass-return-row.entity';
import { MassReturnWorker } from './mass-return.worker';
import { MassReturnsController } from './mass-returns.controller';
import { ReadReturnsUseCase } from './read-returns.usecase';
import { RecordReturnUseCase } from './record-return.usecase';
import { ReturnRecord } from './return-record.entity';
import { ReturnRecorder } from './return-recorder';
import { ReturnReplicaProjector } from './return-replica.projector';
import { ReturnOwners } from './returns-owner';
import { ReturnsController } from './returns.controller';
import { UploadMassReturnUseCase } from './upload-mass-return.usecase';

/** Returns (single and mass), the journeys they are recorded for, and the opening of cases on them. */
@CorridorFeature({
  entities: [KnownJourney, ReturnRecord, MassReturnBatch, MassReturnRow],
  controllers: [ReturnsController, MassReturnsController, KnownJourneysProjector, ReturnReplicaProjector],
  providers: [ReturnOwners, CaseOpener, ReturnRecorder, RecordReturnUseCase, ReadReturnsUseCase, UploadMassReturnUseCase, MassReturnWorker],
})
export class ReturnsModule {}
