import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { corridorTopic, countryTopic, encodeEvent, type EncodedEvent } from '@corridor/events';
import type { Worker } from '../workers/worker.entity';
import { actorOf } from './roles';

/**
 * Where a journey event of the recruitment stage goes: once the worker is on a destination's
 * name list (nominated or matched), the corridor topic, so that the destination sees it too;
 * before that, the country-internal topic.
 */
export function journeyEvent<Desc extends DescMessage>(
  origin: string,
  worker: Pick<Worker, 'journeyId' | 'nominatedDestination'>,
  officer: Officer,
  schema: Desc,
  payload: MessageShape<Desc>,
): { topic: string; event: EncodedEvent } {
  const destination = worker.nominatedDestination ?? undefined;
  return {
    topic: destination ? corridorTopic(origin, destination, 'recruitment') : countryTopic(origin, 'recruitment'),
    event: encodeEvent({ schema, journeyId: worker.journeyId, corridor: { origin, destination }, recordedBy: actorOf(officer), payload }),
  };
}
