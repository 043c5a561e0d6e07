import { CorridorFeature } from '@corridor/service-runtime';
import { ClearanceReadiness } from './clearance-readiness.entity';
import { ReadinessProjector } from './readiness.projector';

/** What exit clearance needs to know, kept from the other stages' events. */
@CorridorFeature({ entities: [ClearanceReadiness], controllers: [ReadinessProjector] })
export class ReadinessModule {}
