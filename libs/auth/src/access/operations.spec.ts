import { decideAccess } from './access-model';
import { OPERATIONS, ROLE_GRANTS, isOperation, type Operation } from './operations';

const where = (trait: 'personData' | 'agencyLicence' | 'crossNode') => (Object.keys(OPERATIONS) as Operation[]).filter((operation) => OPERATIONS[operation][trait]);

describe('the operations of the access model', () => {
  it('the operations that disclose person data or send it across the border are exactly these', () => {
    expect(where('personData')).toEqual([
      'worker.register',
      'worker.search',
      'worker.read',
      'worker.nominate',
      'match.create',
      'contract.draft',
      // Deployment: the identity document at clearance; name lists by document number.
      'deployment.clear',
      'deployment.confirm-arrival',
      // Social protection: free text (descriptions, notes, member numbers) may name the worker.
      'enrolment.record',
      'enrolment.read',
      'grievance.file',
      'grievance.read',
      'grievance.supervise',
      'welfare-case.record',
      'welfare-case.read',
    ]);
  });

  it('the operations an agency may do only under a licence valid today are exactly these', () => {
    expect(where('agencyLicence')).toEqual(['worker.register', 'worker.search', 'worker.read', 'worker.nominate', 'match.create', 'orientation.schedule', 'contract.draft']);
  });

  it('only the journey may be read by an officer of another country than the node', () => {
    expect(where('crossNode')).toEqual(['journey.read']);
  });

  it('names every operation and nothing else', () => {
    expect(Object.keys(OPERATIONS)).toHaveLength(31 + 8 + 10 + 9); // + deployment, social protection, reintegration and statistics
    expect(isOperation('contract.resolve-flag')).toBe(true);
    expect(isOperation('contract.delete')).toBe(false);
    expect(isOperation('toString')).toBe(false);
  });

  it('grants each role its side: origin roles the origin, the destination officer the destination, oversight both', () => {
    const sides = (role: keyof typeof ROLE_GRANTS) => [...new Set(Object.values(ROLE_GRANTS[role]).flat())];
    expect(sides('ministry-officer')).toEqual(['origin']);
    expect(sides('agency-staff')).toEqual(['origin']);
    expect(sides('destination-officer')).toEqual(['destination']);
    for (const role of ['welfare-officer', 'caseworker', 'auditor', 'admin'] as const) expect(sides(role).sort()).toEqual(['destination', 'origin']);
    // Statisticians read aggregates only: the statistics, nothing that names a journey.
    expect(ROLE_GRANTS.statistician).toEqual({ 'statistics.read': ['origin', 'destination'] });
  });

  it('an object the caller may not see is refused as not visible, worded like an unknown id', () => {
    expect(decideAccess({ subject: 'o', country: 'TH', roles: ['destination-officer'] }, 'contract.read', 'TH', { origin: 'KH', destination: 'TH', sharedWithDestination: false })).toEqual({
      allowed: false,
      refusal: 'not-visible',
      detail: 'the object of "contract.read" does not exist or is not visible to the caller',
    });
  });
});
