// The names of return types, statuses and sides are shared with the deployment service (libs/events).
export {
  RETURN_SIDE_ON_THE_WIRE,
  RETURN_STATUSES,
  RETURN_STATUS_ON_THE_WIRE,
  RETURN_TYPES,
  RETURN_TYPE_ON_THE_WIRE,
  returnSideName,
  returnStatusName,
  returnTypeName,
  type ReturnSide,
  type ReturnStatusName,
  type ReturnTypeName,
} from '@corridor/events';

/**
 * Whether a return may be recorded over the one the journey has: a planned return may be restated
 * or become happened; a happened return is final (a correction is a later event, never an edit).
 */
export function mayRecordOver(existing: { status: string } | undefined): boolean {
  return !existing || existing.status !== 'happened';
}
