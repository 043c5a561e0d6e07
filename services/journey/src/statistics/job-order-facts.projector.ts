import { Controller } from '@nestjs/common';
import { JobOrderCreatedSchema } from '@corridor/events';
import { HandlesEvent, type ReceivedEventOf } from '@corridor/messaging';
import { JobOrderFactRow } from './job-order-fact.entity';

/** Job orders are keyed by their own id, not a journey: statistics keep only the sector a match points to. */
@Controller()
export class JobOrderFactsProjector {
  @HandlesEvent(JobOrderCreatedSchema)
  async onJobOrderCreated(event: ReceivedEventOf<typeof JobOrderCreatedSchema>): Promise<void> {
    const p = event.payload;
    await event.manager
      .createQueryBuilder()
      .insert()
      .into(JobOrderFactRow)
      .values({ jobOrderId: p.jobOrderId, sectorIsic: p.sectorIsic, occupationIsco: p.occupationIsco, eventId: event.envelope.eventId })
      .orIgnore()
      .execute();
  }
}
