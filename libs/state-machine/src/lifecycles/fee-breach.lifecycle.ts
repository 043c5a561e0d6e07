import { defineStateMachine } from '../state-machine';

export type FeeBreachStatus = 'open' | 'resolved-by-refund' | 'resolved-by-decision';
export type FeeBreachAction = 'refund' | 'decide';

/**
 * open --refund (covering the excess)--> resolved-by-refund; open --decide--> resolved-by-decision.
 * Both final. The origin's recruitment service moves it; the journey read models of both
 * countries hold it as a flag.
 */
export const FEE_BREACH_LIFECYCLE = defineStateMachine<FeeBreachStatus, FeeBreachAction>('fee breach', {
  open: { refund: 'resolved-by-refund', decide: 'resolved-by-decision' },
  'resolved-by-refund': {},
  'resolved-by-decision': {},
});
