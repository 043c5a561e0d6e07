import type { NodeConfig } from '@corridor/config';
import { whyNotOnCorridor, type OnCorridor, type RuleBreach } from '../shared/journey-corridor';
import { whyNotADayThatHasBegun } from '../shared/days';

/** Why the remittance cannot be recorded, or undefined. */
export function whyNotRecordable(
  command: OnCorridor & { sentOn: string; amountMinor: number; feeMinor: number; receivedMinor?: number; receivedCurrency?: string },
  node: Pick<NodeConfig, 'country' | 'corridors'>,
  today = new Date(),
): RuleBreach | undefined {
  const corridor = whyNotOnCorridor(command, node);
  if (corridor) return corridor;
  const day = whyNotADayThatHasBegun('sentOn', command.sentOn, today);
  if (day) return day;
  if (command.feeMinor > command.amountMinor) return { field: 'feeMinor', reason: `a fee of ${command.feeMinor} is more than the ${command.amountMinor} sent` };
  if ((command.receivedMinor === undefined) !== (command.receivedCurrency === undefined)) {
    return { field: 'receivedCurrency', reason: 'receivedMinor and receivedCurrency go together: give both, or neither when not known' };
  }
  return undefined;
}

/** The cost of remitting as a share of the amount sent, in percent (SDG indicator 10.c.1; target below 3 %). */
export function costPercent(amountMinor: number, feeMinor: number): number {
  return Math.round((feeMinor / amountMinor) * 10_000) / 100;
}
