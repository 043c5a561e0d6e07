import { ReturnRecordedBy, ReturnStatus, ReturnType } from './generated/corridor/v1/reintegration_pb';

/** Why a worker came home, as APIs, columns and statistics name it. */
export const RETURN_TYPES = ['end-of-contract', 'early', 'emergency', 'deported', 'mass-return'] as const;
export type ReturnTypeName = (typeof RETURN_TYPES)[number];
export const RETURN_STATUSES = ['planned', 'happened'] as const;
export type ReturnStatusName = (typeof RETURN_STATUSES)[number];
export type ReturnSide = 'origin' | 'destination';

/** The names as ReturnRecorded carries them (reintegration writes them; deployment and statistics read them). */
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
/** The name of a value on the wire; undefined for UNSPECIFIED or a value newer than this code. */
export const returnTypeName = byValue(RETURN_TYPE_ON_THE_WIRE);
export const returnStatusName = byValue(RETURN_STATUS_ON_THE_WIRE);
export const returnSideName = byValue(RETURN_SIDE_ON_THE_WIRE);
