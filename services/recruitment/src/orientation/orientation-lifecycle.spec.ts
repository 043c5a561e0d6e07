import { IllegalTransition } from '@corridor/state-machine';
import { SESSION_LIFECYCLE } from './orientation-lifecycle';

describe('orientation session lifecycle', () => {
  it('scheduled: attendance recorded any number of times, then completed (final); cancelled is final too', () => {
    expect(SESSION_LIFECYCLE.table).toEqual({ scheduled: { 'record-attendance': 'scheduled', complete: 'completed' }, completed: {}, cancelled: {} });
    expect(SESSION_LIFECYCLE.next({ id: 's', status: 'scheduled' }, 'record-attendance')).toBe('scheduled');
    expect(SESSION_LIFECYCLE.next({ id: 's', status: 'scheduled' }, 'complete')).toBe('completed');
  });

  it('a completed session takes no more attendance: illegal-transition naming the session', () => {
    expect(() => SESSION_LIFECYCLE.next({ id: 's', status: 'completed' }, 'record-attendance')).toThrow(IllegalTransition);
    expect(SESSION_LIFECYCLE.refusal({ id: 's', status: 'completed' }, 'record-attendance')?.detail).toBe('orientation session s is completed; "record-attendance" is not allowed. Allowed now: nothing (final state)');
  });
});
