import { create } from '@bufbuild/protobuf';
import { ReturnRecordedSchema, ReturnStatus, ReturnType } from '@corridor/events';
import type { DeploymentStatus } from '@corridor/state-machine';
import { applyStep } from './deployment-steps';
import type { Deployment } from './deployment.entity';
import { arrivalDueBy, clearanceNumber, isArrivalMissing, permitExpiry, permitFinding, permitFindingOf, returnEffect, unmetClearanceConditions, type ReadinessFacts } from './deployment.rules';

const ready: ReadinessFacts = { contractVerified: true, contractMonths: 24, openSubstitutionFlags: [], orientationCompleted: true, openFeeBreaches: [], insuranceCoveredTo: '2028-12-31' };
const policy = { exitInsuranceRequired: true, identityDocumentMarginMonths: 6 };

describe('exit clearance conditions', () => {
  it('are all met for a ready journey with a document valid long enough', () => {
    expect(unmetClearanceConditions(ready, '2029-06-03', policy, '2026-12-03')).toEqual([]);
  });

  it('lists every unmet condition, not the first one', () => {
    const unmet = unmetClearanceConditions(
      { contractVerified: false, contractMonths: 24, openSubstitutionFlags: ['f1'], orientationCompleted: false, openFeeBreaches: ['b1', 'b2'], insuranceCoveredTo: null },
      '2027-01-01',
      policy,
      '2026-12-03',
    );
    expect(unmet.map((u) => u.condition)).toEqual(['contract-verified', 'substitution-flag-open', 'orientation-completed', 'fee-breach-open', 'identity-document-validity', 'insurance']);
    expect(unmet[3].detail).toBe('fee breach(es) open: b1, b2');
    expect(unmet[4].detail).toContain('must be valid until at least 2029-06-03 (contract 24 months + 6 months margin)');
  });

  it('knows nothing of a journey it has no events of: every condition but the ones that need facts', () => {
    expect(unmetClearanceConditions(undefined, '2040-01-01', policy, '2026-12-03').map((u) => u.condition)).toEqual(['contract-verified', 'orientation-completed', 'insurance']);
  });

  it('takes the margin and the insurance requirement from the corridor', () => {
    expect(unmetClearanceConditions(ready, '2029-06-02', policy, '2026-12-03').map((u) => u.condition)).toEqual(['identity-document-validity']);
    expect(unmetClearanceConditions(ready, '2029-06-02', { ...policy, identityDocumentMarginMonths: 5 }, '2026-12-03')).toEqual([]);
    expect(unmetClearanceConditions({ ...ready, insuranceCoveredTo: '2026-12-02' }, '2030-01-01', policy, '2026-12-03').map((u) => u.condition)).toEqual(['insurance']);
    expect(unmetClearanceConditions({ ...ready, insuranceCoveredTo: null }, '2030-01-01', { ...policy, exitInsuranceRequired: false }, '2026-12-03')).toEqual([]);
  });
});

describe('deployment dates and checks', () => {
  it('numbers a clearance by origin, year and id', () => {
    expect(clearanceNumber('KH', '2026-12-03', '0193a2e6-6a1c-7c4e-9a51-2f0d6f0a1b2c')).toBe('KH-EC-2026-6F0A1B2C');
  });

  it('dues arrival the corridor’s days after departure and flags only past that day, before arrival', () => {
    expect(arrivalDueBy('2026-12-30', { arrivalDeadlineDays: 7 })).toBe('2027-01-06');
    expect(isArrivalMissing({ status: 'departed', arrivalDueBy: '2027-01-06' }, '2027-01-06')).toBe(false);
    expect(isArrivalMissing({ status: 'crossed', arrivalDueBy: '2027-01-06' }, '2027-01-07')).toBe(true);
    expect(isArrivalMissing({ status: 'arrived', arrivalDueBy: '2027-01-06' }, '2027-02-01')).toBe(false);
  });

  it('finds a permit expiring within the window, and an expired one', () => {
    expect(permitExpiry('2027-01-15', 24)).toBe('2029-01-14');
    expect(permitFinding('2029-01-14', '2028-11-14', 60)).toBeUndefined();
    expect(permitFinding('2029-01-14', '2028-11-15', 60)).toEqual({ kind: 'permit-expiring', daysLeft: 60 });
    expect(permitFinding('2029-01-14', '2029-01-14', 60)).toEqual({ kind: 'permit-expiring', daysLeft: 0 });
    expect(permitFinding('2029-01-14', '2029-01-15', 60)).toEqual({ kind: 'permit-expired' });
    expect(permitFinding(null, '2029-01-15', 60)).toBeUndefined();
  });
});

describe('a return closes the deployment', () => {
  const returnId = '0193b000-0000-7000-8000-000000000001';
  const open = (status: DeploymentStatus) => ({ journeyId: 'j-1', status, returnId: null, returnedOn: null });
  const happened = { returnId, status: 'happened' as const };

  it('closes a deployment in any state but revoked once the return happened, also one only cleared (the departure may come later on its own topic)', () => {
    for (const status of ['cleared', 'departed', 'crossed', 'arrived', 'working'] as const) expect(returnEffect(open(status), happened)).toEqual({ kind: 'close' });
    expect(returnEffect(open('revoked'), happened)).toEqual({ kind: 'left-out', reason: expect.stringContaining('is revoked; "return" is not allowed') });
  });

  it('changes nothing for a planned return: the worker is still abroad', () => {
    expect(returnEffect(open('working'), { returnId, status: 'planned' })).toMatchObject({ kind: 'unchanged' });
    expect(returnEffect(open('working'), { returnId, status: undefined })).toMatchObject({ kind: 'unchanged' });
  });

  it('changes nothing for the same return again, and leaves out another return of a deployment already closed', () => {
    const closed = { journeyId: 'j-1', status: 'returned' as const, returnId, returnedOn: '2027-03-01' };
    expect(returnEffect(closed, happened)).toMatchObject({ kind: 'unchanged' });
    expect(returnEffect(closed, { returnId: '0193b000-0000-7000-8000-000000000002', status: 'happened' })).toEqual({
      kind: 'left-out',
      reason: `deployment j-1 was closed by return ${returnId} on 2027-03-01; return 0193b000-0000-7000-8000-000000000002 does not reopen it`,
    });
  });

  it('keeps which return closed it, its type and day, and allows nothing after it', () => {
    const d = { journeyId: 'j-1', status: 'working', returnId: null, returnType: null, returnedOn: null } as unknown as Deployment;
    const at = new Date('2027-03-02T08:00:00Z');
    applyStep(d, 'return', create(ReturnRecordedSchema, { returnId, status: ReturnStatus.HAPPENED, type: ReturnType.EARLY, returnDate: '2027-03-01' }), at);
    expect(d).toMatchObject({ status: 'returned', returnId, returnType: 'early', returnedOn: '2027-03-01', updatedAt: at });
    expect(() => applyStep(d, 'extend-permit', create(ReturnRecordedSchema) as never, at)).toThrow('Allowed now: nothing (final state)');
  });
});

describe('the scheduled checks leave a returned worker alone', () => {
  it('no missing arrival for a worker who returned before arriving', () => {
    expect(isArrivalMissing({ status: 'departed', arrivalDueBy: '2027-01-06' }, '2027-01-07')).toBe(true);
    expect(isArrivalMissing({ status: 'returned', arrivalDueBy: '2027-01-06' }, '2027-01-07')).toBe(false);
  });

  it('no permit expiring or expired (overstay) for a worker who returned', () => {
    expect(permitFindingOf({ status: 'working', permitExpiresOn: '2029-01-14' }, '2029-01-15', 60)).toEqual({ kind: 'permit-expired' });
    expect(permitFindingOf({ status: 'working', permitExpiresOn: '2029-01-14' }, '2028-12-14', 60)).toEqual({ kind: 'permit-expiring', daysLeft: 31 });
    expect(permitFindingOf({ status: 'returned', permitExpiresOn: '2029-01-14' }, '2029-01-15', 60)).toBeUndefined();
    expect(permitFindingOf({ status: 'returned', permitExpiresOn: '2029-01-14' }, '2028-12-14', 60)).toBeUndefined();
    expect(permitFindingOf({ status: 'arrived', permitExpiresOn: null }, '2029-01-15', 60)).toBeUndefined();
  });
});
