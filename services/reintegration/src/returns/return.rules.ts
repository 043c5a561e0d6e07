import { ReturnRecordedBy, ReturnStatus, ReturnType } from '@corridor/events';

export const RETURN_TYPES = ['end-of-contract', 'early', 'emergency', 'deported', 'mass-return'] as const;
export type ReturnTypeName = (typeof RETURN_TYPES)[number];
export const RETURN_STATUSES = ['planned', 'happened'] as const;
export type ReturnStatusName = (typeof RETURN_STATUSES)[number];
export type ReturnSide = 'origin' | 'destination';

export const RETURN_TYPE_ON_THE_WIRE: Record<ReturnTypeName, ReturnType> = {
  'end-of-contract': ReturnType.END_OF_CONTRACT,
  early: ReturnType.EARLY,
  emergency: ReturnType.EMERGENCY,
  deported: ReturnType.DEPORTED,
  'mass-return': ReturnType.MASS_RETURN,
};
export const RETURN_STATUS_ON_THE_WIRE: Record<ReturnStatusName, ReturnStatus> = { planned: ReturnStatus.PLANNED, happened: ReturnStatus.HAPPENED };
export const RETURN_SIDE_ON_THE_WIRE: Record<ReturnSide, ReturnRecordedBy> = { origin: ReturnRecordedBy.ORIGIN, destination: ReturnRecordedBy.DESTINATION };

const byValue = <K extends string, V>(map: Record<K, V>) => (value: V): K | undefined => (Object.keys(map) as K[]).find((k) => map[k] === value);
export const returnTypeName = byValue(RETURN_TYPE_ON_THE_WIRE);
export const returnStatusName = byValue(RETURN_STATUS_ON_THE_WIRE);
export const returnSideName = byValue(RETURN_SIDE_ON_THE_WIRE);

/**
 * Whether a return may be recorded over the one the journey has: a planned return may be restated
 * or become happened; a happened return is final (a correction is a later event, never an edit).
 */
export function mayRecordOver(existing: { status: string } | undefined): boolean {
  return !existing || existing.status !== 'happened';
}
