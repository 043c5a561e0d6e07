import { defineStateMachine } from '../state-machine';

export type SubstitutionFlagStatus = 'open' | 'resolved';
export type SubstitutionFlagAction = 'resolve';

/** open --resolve (either side, with a decision)--> resolved (final). Held by contracts on both nodes and by journey. */
export const SUBSTITUTION_FLAG_LIFECYCLE = defineStateMachine<SubstitutionFlagStatus, SubstitutionFlagAction>('substitution flag', {
  open: { resolve: 'resolved' },
  resolved: {},
});
