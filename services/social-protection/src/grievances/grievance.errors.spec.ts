import { GrievanceHandledElsewhere } from './grievance.errors';

// Through HTTP the access model refuses the other end before the use case (grievance.handle is the
// destination's), so this refusal of the use case is defence in depth: asserted here, by its type.
describe('GrievanceHandledElsewhere', () => {
  it('is a 403 of its own problem type naming the handling country and this node', () => {
    const problem = new GrievanceHandledElsewhere('0193aaaa-0000-7000-8000-000000000001', 'TH', 'KH');
    expect(GrievanceHandledElsewhere.type).toBe('https://corridor.gms/problems/grievance-handled-elsewhere');
    expect({ status: problem.status, slug: problem.slug, extensions: problem.extensions }).toEqual({
      status: 403,
      slug: 'grievance-handled-elsewhere',
      extensions: { handlingCountry: 'TH', nodeCountry: 'KH' },
    });
    expect(problem.detail).toContain("TH's queue");
  });
});
