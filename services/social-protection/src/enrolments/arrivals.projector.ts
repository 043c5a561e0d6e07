import { Controller } from '@nestjs/common';
import { ArrivalConfirmedSchema } from '@corridor/events';
import { HandlesEvent, type ReceivedEventOf } from '@corridor/messaging';
import { Arrival } from './arrival.entity';

/**
 * Arrivals confirmed by the destination's deployment service, read from the deployment stage's
 * corridor topic (by event, not by a call). A later confirmation of the same journey keeps the
 * first day: the worker has been there since.
 */
@Controller()
export class ArrivalsProjector {
  @HandlesEvent(ArrivalConfirmedSchema)
  async onArrival(event: ReceivedEventOf<typeof ArrivalConfirmedSchema>): Promise<void> {
    await event.manager
      .createQueryBuilder()
      .insert()
      .into(Arrival)
      .values({
        journeyId: event.envelope.journeyId,
        origin: event.envelope.corridor?.origin ?? '',
        destination: event.envelope.corridor?.destination ?? '',
        arrivedOn: event.payload.arrivedOn,
        receivedAt: new Date(),
      })
      .orIgnore()
      .execute();
  }
}
