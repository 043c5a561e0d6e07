import { parseCorridors } from '@corridor/config';
import { GRIEVANCE_LIFECYCLE } from '@corridor/state-machine';
import { protectionPolicies } from '../shared/protection-policy';
import { deadlineOf, overdueSteps, whyNotChangeable, whyNotClosable, whyNotFileable } from './grievance.rules';

const kh = { country: 'KH' as const, corridors: parseCorridors('KH>TH,LA>TH', () => ({}) as never) };
const th = { country: 'TH' as const, corridors: parseCorridors('KH>TH,LA>TH', () => ({}) as never) };
const evening = new Date('2026-12-03T18:30:00Z');
const policy = protectionPolicies({
  default: { grievanceDeadlineDays: { 'unpaid-wages': 30, 'confiscated-documents': 7, 'contract-substitution': 30, 'abuse-or-violence': 3, 'unsafe-work': 7, 'unlawful-dismissal': 30, other: 45 }, escalateAfterOverdueDays: 2 },
})('TH');

describe('filing a grievance', () => {
  it('is allowed at either end of an open corridor', () => {
    expect(whyNotFileable({ origin: 'KH', destination: 'TH', filedOn: '2026-12-03' }, kh, evening)).toBeUndefined();
    expect(whyNotFileable({ origin: 'KH', destination: 'TH', filedOn: '2026-12-03' }, th, evening)).toBeUndefined();
  });

  it('is refused on a node that is neither end, along a closed corridor, or on a future day', () => {
    expect(whyNotFileable({ origin: 'LA', destination: 'TH', filedOn: '2026-12-03' }, kh, evening)?.field).toBe('origin');
    expect(whyNotFileable({ origin: 'KH', destination: 'LA', filedOn: '2026-12-03' }, kh, evening)).toEqual({ field: 'destination', reason: 'no corridor is open from KH to LA' });
    expect(whyNotFileable({ origin: 'KH', destination: 'TH', filedOn: '2026-12-05' }, kh, evening)).toEqual({ field: 'filedOn', reason: 'filedOn 2026-12-05 is in the future' });
  });

  it('gets the deadline of its category from the configuration', () => {
    expect(deadlineOf('abuse-or-violence', '2026-12-30', policy)).toBe('2027-01-02');
    expect(deadlineOf('unpaid-wages', '2026-12-01', policy)).toBe('2026-12-31');
  });
});

describe('moving a grievance', () => {
  it('follows the lifecycle: a closed grievance allows nothing, a resolved one only closing', () => {
    expect(GRIEVANCE_LIFECYCLE.allowedActions('closed')).toEqual([]);
    expect(GRIEVANCE_LIFECYCLE.allowedActions('resolved')).toEqual(['close']);
    expect(GRIEVANCE_LIFECYCLE.next({ id: 'g', status: 'referred' }, 'investigate')).toBe('under-investigation');
    expect(GRIEVANCE_LIFECYCLE.refusal({ id: 'g', status: 'resolved' }, 'refer')).toMatchObject({ currentState: 'resolved', allowedActions: ['close'] });
  });

  it('needs a referral target with a referral and none without', () => {
    expect(whyNotChangeable({ status: 'referred', changedOn: '2026-12-03' }, evening)?.field).toBe('referredTo');
    expect(whyNotChangeable({ status: 'under-investigation', referredTo: 'police', changedOn: '2026-12-03' }, evening)?.field).toBe('referredTo');
    expect(whyNotChangeable({ status: 'referred', referredTo: 'labour-court', changedOn: '2026-12-03' }, evening)).toBeUndefined();
  });

  it('closes a resolved grievance as resolved, an unresolved one for another reason', () => {
    expect(whyNotClosable('resolved', 'resolved')).toBeUndefined();
    expect(whyNotClosable('resolved', 'withdrawn')?.field).toBe('reason');
    expect(whyNotClosable('open', 'resolved')?.field).toBe('reason');
    expect(whyNotClosable('under-investigation', 'withdrawn')).toBeUndefined();
  });
});

describe('the overdue check', () => {
  const pending = { status: 'open' as const, deadlineOn: '2026-12-10', overdueFlagId: null, escalatedOn: null };

  it('does nothing on the deadline day itself', () => {
    expect(overdueSteps(pending, '2026-12-10', policy)).toEqual({ flag: false, escalate: false });
  });

  it('flags the day after, and escalates after the configured days overdue', () => {
    expect(overdueSteps(pending, '2026-12-11', policy)).toEqual({ flag: true, escalate: false });
    expect(overdueSteps(pending, '2026-12-13', policy)).toEqual({ flag: true, escalate: true });
  });

  it('flags and escalates once', () => {
    expect(overdueSteps({ ...pending, overdueFlagId: 'f' }, '2026-12-12', policy)).toEqual({ flag: false, escalate: false });
    expect(overdueSteps({ ...pending, overdueFlagId: 'f', escalatedOn: '2026-12-13' }, '2026-12-20', policy)).toEqual({ flag: false, escalate: false });
  });

  it('leaves resolved and closed grievances alone', () => {
    expect(overdueSteps({ ...pending, status: 'resolved' }, '2027-01-30', policy)).toEqual({ flag: false, escalate: false });
    expect(overdueSteps({ ...pending, status: 'closed' }, '2027-01-30', policy)).toEqual({ flag: false, escalate: false });
  });
});
