import { AGENCY_LIFECYCLE, IllegalTransition } from '@corridor/state-machine';
import type { Agency } from './agency.entity';
import { licenceProblem } from './agency-licence';

const agency = (over: Partial<Agency> = {}): Agency =>
  ({ id: 'a', name: 'n', licenceNumber: 'RA-1', licenceValidFrom: '2026-01-01', licenceValidTo: '2026-12-31', status: 'licensed', statusReason: null, ...over }) as Agency;

describe('agency licence', () => {
  it('is valid on the first and the last day', () => {
    expect(licenceProblem(agency(), '2026-01-01')).toBeUndefined();
    expect(licenceProblem(agency(), '2026-12-31')).toBeUndefined();
  });

  it('says why it is not valid, as a code for clients and a detail for people', () => {
    expect(licenceProblem(agency(), '2025-12-31')).toEqual({ reason: 'not-yet-valid', detail: 'its licence RA-1 is not valid until 2026-01-01' });
    expect(licenceProblem(agency(), '2027-01-01')).toEqual({ reason: 'expired', detail: 'its licence RA-1 expired on 2026-12-31' });
    expect(licenceProblem(agency({ status: 'suspended', statusReason: 'fees' }), '2026-06-01')).toEqual({ reason: 'suspended', detail: 'its licence RA-1 is suspended (fees)' });
    expect(licenceProblem(agency({ status: 'revoked' }), '2026-06-01')?.reason).toBe('revoked');
  });

  it('names the reason of a suspension or revocation only when there is one', () => {
    expect(licenceProblem(agency({ status: 'suspended' }), '2026-06-01')?.detail).toBe('its licence RA-1 is suspended');
    expect(licenceProblem(agency({ status: 'revoked', statusReason: 'forged documents' }), '2026-06-01')).toEqual({ reason: 'revoked', detail: 'its licence RA-1 was revoked (forged documents)' });
    expect(AGENCY_LIFECYCLE.refusal(agency({ status: 'revoked' }), 'reinstate')?.detail).toMatch(/^agency a is revoked;/);
  });

  it('its table: licensed ⇄ suspended → revoked (final)', () => {
    expect(AGENCY_LIFECYCLE.table).toEqual({
      licensed: { suspend: 'suspended', revoke: 'revoked' },
      suspended: { reinstate: 'licensed', revoke: 'revoked' },
      revoked: {},
    });
    expect(AGENCY_LIFECYCLE.next(agency(), 'suspend')).toBe('suspended');
    expect(AGENCY_LIFECYCLE.next(agency({ status: 'suspended' }), 'reinstate')).toBe('licensed');
    expect(AGENCY_LIFECYCLE.next(agency({ status: 'suspended' }), 'revoke')).toBe('revoked');
  });

  it('a licensed agency cannot be reinstated, a revoked one cannot move at all: illegal-transition naming the state and the allowed actions', () => {
    expect(() => AGENCY_LIFECYCLE.next(agency(), 'reinstate')).toThrow(IllegalTransition);
    expect(AGENCY_LIFECYCLE.refusal(agency(), 'reinstate')?.toProblem()).toMatchObject({
      type: 'https://corridor.gms/problems/illegal-transition',
      status: 409,
      currentState: 'licensed',
      action: 'reinstate',
      allowedActions: ['suspend', 'revoke'],
    });
    expect(AGENCY_LIFECYCLE.refusal(agency({ status: 'revoked' }), 'suspend')?.toProblem()).toMatchObject({ currentState: 'revoked', allowedActions: [] });
  });
});
