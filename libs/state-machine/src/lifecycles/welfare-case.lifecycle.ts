import { defineStateMachine } from '../state-machine';

export const WELFARE_CASE_STATUSES = ['open', 'referred', 'closed'] as const;
export type WelfareCaseStatus = (typeof WELFARE_CASE_STATUSES)[number];
export type WelfareCaseAction = 'note' | 'refer' | 'close';

/**
 * A welfare or health case, kept by both ends of the corridor:
 * open --note--> open; open | referred --refer--> referred; referred --note--> referred;
 * open | referred --close--> closed (final: a later note is refused).
 */
export const WELFARE_CASE_LIFECYCLE = defineStateMachine<WelfareCaseStatus, WelfareCaseAction>('welfare case', {
  open: { note: 'open', refer: 'referred', close: 'closed' },
  referred: { note: 'referred', refer: 'referred', close: 'closed' },
  closed: {},
});
