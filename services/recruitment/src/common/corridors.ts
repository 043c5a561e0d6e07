import { openCorridor, type NodeConfig } from '@corridor/config';
import { CorridorNotOpen } from '@corridor/http';

/**
 * Nothing is taken or sent between two countries without an open corridor (CORRIDORS): not a job
 * order, not a worker's name on a destination's list. One rule, for every use case that crosses.
 */
export function assertCorridorOpen(config: Pick<NodeConfig, 'corridors'>, origin: string, destination: string): void {
  if (openCorridor(config, origin, destination)) return;
  const here = config.corridors.filter((c) => c.origin === origin || c.destination === destination).map((c) => `${c.origin}→${c.destination}`);
  throw new CorridorNotOpen(origin, destination, here);
}
