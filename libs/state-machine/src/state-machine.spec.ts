import { FEE_BREACH_LIFECYCLE, IllegalTransition, JOB_ORDER_LIFECYCLE, SUBSTITUTION_FLAG_LIFECYCLE, defineStateMachine } from './index';

const TYPE = 'https://corridor.gms/problems/illegal-transition';

describe('a declared state machine', () => {
  const door = defineStateMachine<'open' | 'shut' | 'locked', 'shut' | 'lock' | 'unlock' | 'open' | 'slam'>('door', {
    open: { shut: 'shut', slam: ['shut', 'locked'] },
    shut: { open: 'open', lock: 'locked' },
    locked: { unlock: 'shut' },
  });

  it('answers the allowed actions of a state, in the order declared', () => {
    expect(door.allowedActions('shut')).toEqual(['open', 'lock']);
    expect(door.states).toEqual(['open', 'shut', 'locked']);
  });

  it('lists every action of the table once, for the enum of allowedActions in a view', () => {
    expect(door.actions).toEqual(['shut', 'slam', 'open', 'lock', 'unlock']);
  });

  it('moves along the table', () => {
    expect(door.next({ id: 'd1', status: 'shut' }, 'lock')).toBe('locked');
  });

  it('refuses an action the state does not allow with illegal-transition naming the state, the action and what is allowed', () => {
    const refused = door.refusal({ id: 'd1', status: 'locked' }, 'open');
    expect(refused).toBeInstanceOf(IllegalTransition);
    expect(refused?.toProblem()).toEqual({
      type: TYPE,
      title: 'Not allowed in the current state',
      status: 409,
      detail: 'door d1 is locked; "open" is not allowed. Allowed now: unlock',
      currentState: 'locked',
      action: 'open',
      allowedActions: ['unlock'],
      instance: undefined,
    });
    expect(() => door.next({ id: 'd1', status: 'locked' }, 'open')).toThrow(refused!.detail);
  });

  it('says "nothing (final state)" when nothing is allowed', () => {
    const final = defineStateMachine<'done', 'redo'>('task', { done: {} });
    expect(final.refusal({ id: 't', status: 'done' }, 'redo')?.detail).toBe('task t is done; "redo" is not allowed. Allowed now: nothing (final state)');
  });

  it('an action with several targets needs the caller to choose one of them, and only one of them', () => {
    expect(door.targets('open', 'slam')).toEqual(['shut', 'locked']);
    expect(door.next({ id: 'd1', status: 'open' }, 'slam', () => 'locked')).toBe('locked');
    expect(() => door.next({ id: 'd1', status: 'open' }, 'slam')).toThrow(/the caller must choose/);
    expect(() => door.next({ id: 'd1', status: 'open' }, 'slam', () => 'open')).toThrow(/cannot lead to open/);
  });
});

describe('what a refusal and a wrong choice say', () => {
  const door = defineStateMachine<'open' | 'shut', 'shut' | 'open' | 'slam' | 'paint'>('door', { open: { shut: 'shut', slam: ['shut', 'open'] }, shut: { open: 'open', paint: 'shut' } });

  it('lists every allowed action, comma separated', () => {
    expect(door.refusal({ id: 'd2', status: 'shut' }, 'slam')?.detail).toBe('door d2 is shut; "slam" is not allowed. Allowed now: open, paint');
  });

  it('names the targets the caller must choose between, or the one it may not choose', () => {
    expect(() => door.next({ id: 'd2', status: 'open' }, 'slam')).toThrow('door: "slam" from open leads to shut or open; the caller must choose');
    expect(() => door.next({ id: 'd2', status: 'open' }, 'slam', () => 'locked' as 'open')).toThrow('door: "slam" from open cannot lead to locked (declared: shut, open)');
  });

  it('an object in a state the table does not know is refused, not crashed on', () => {
    const stray = { id: 'd3', status: 'ajar' as 'open' };
    expect(door.targets(stray.status, 'shut')).toEqual([]);
    expect(door.refusal(stray, 'shut')?.detail).toBe('door d3 is ajar; "shut" is not allowed. Allowed now: nothing (final state)');
  });
});

describe('the subjects the lifecycles name in their refusals', () => {
  it('job order, fee breach, substitution flag', () => {
    expect(JOB_ORDER_LIFECYCLE.refusal({ id: 'j', status: 'filled' }, 'match')?.detail).toMatch(/^job order j is filled;/);
    expect(FEE_BREACH_LIFECYCLE.refusal({ id: 'b', status: 'resolved-by-decision' }, 'refund')?.detail).toMatch(/^fee breach b is resolved-by-decision;/);
    expect(SUBSTITUTION_FLAG_LIFECYCLE.refusal({ id: 'f', status: 'resolved' }, 'resolve')?.detail).toMatch(/^substitution flag f is resolved;/);
  });
});

describe('lifecycles held by more than one service', () => {
  it('job order: submitted → approved → verified (→ filled when full) or rejected', () => {
    expect(JOB_ORDER_LIFECYCLE.table).toEqual({
      submitted: { approve: 'approved' },
      approved: { verify: 'verified', reject: 'rejected' },
      verified: { match: ['verified', 'filled'] },
      rejected: {},
      filled: {},
    });
    expect(JOB_ORDER_LIFECYCLE.refusal({ id: 'j', status: 'submitted' }, 'verify')?.toProblem()).toMatchObject({ type: TYPE, currentState: 'submitted', allowedActions: ['approve'] });
    expect(JOB_ORDER_LIFECYCLE.refusal({ id: 'j', status: 'approved' }, 'match')?.toProblem()).toMatchObject({ type: TYPE, allowedActions: ['verify', 'reject'] });
  });

  it('fee breach: open → resolved by refund or by decision, both final', () => {
    expect(FEE_BREACH_LIFECYCLE.next({ id: 'b', status: 'open' }, 'refund')).toBe('resolved-by-refund');
    expect(FEE_BREACH_LIFECYCLE.next({ id: 'b', status: 'open' }, 'decide')).toBe('resolved-by-decision');
    expect(FEE_BREACH_LIFECYCLE.refusal({ id: 'b', status: 'resolved-by-refund' }, 'decide')?.toProblem()).toMatchObject({ type: TYPE, allowedActions: [] });
  });

  it('substitution flag: open → resolved, once', () => {
    expect(SUBSTITUTION_FLAG_LIFECYCLE.next({ id: 'f', status: 'open' }, 'resolve')).toBe('resolved');
    expect(SUBSTITUTION_FLAG_LIFECYCLE.refusal({ id: 'f', status: 'resolved' }, 'resolve')?.toProblem()).toMatchObject({ type: TYPE, currentState: 'resolved' });
  });
});
