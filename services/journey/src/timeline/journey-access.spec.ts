import { decideAccess, type Officer } from '@corridor/auth';
import { ownerOfJourney, seesOnlyCorridorEvents } from './journey-access';
import type { Journey } from './journey.entity';

const journey = (over: Partial<Journey> = {}): Journey => ({
  id: 'j',
  origin: 'KH',
  destination: 'TH',
  sharedWithDestinationAt: null,
  agencyId: 'AG-1',
  openedAt: new Date(),
  ...over,
});
const officer = (country: string, roles: Officer['roles'], agencyId?: string): Officer => ({ subject: 's', country, roles, agencyId });
const maySee = (o: Officer, j: Journey, node = o.country) => decideAccess(o, 'journey.read', node, ownerOfJourney(j)).allowed;

describe('who may see a journey', () => {
  it('the origin country sees its journeys', () => {
    expect(maySee(officer('KH', ['ministry-officer']), journey())).toBe(true);
  });

  it('the destination sees nothing before the first cross-border event', () => {
    expect(maySee(officer('TH', ['destination-officer']), journey())).toBe(false);
  });

  it('the destination sees the journey from the first cross-border event on, on either node', () => {
    const shared = journey({ sharedWithDestinationAt: new Date() });
    expect(maySee(officer('TH', ['destination-officer']), shared)).toBe(true);
    expect(maySee(officer('TH', ['destination-officer']), shared, 'KH')).toBe(true);
  });

  it('the destination sees only the corridor events, the origin everything', () => {
    const shared = journey({ sharedWithDestinationAt: new Date() });
    expect(seesOnlyCorridorEvents('TH', shared)).toBe(true);
    expect(seesOnlyCorridorEvents('KH', shared)).toBe(false);
  });

  it('a third country never sees it', () => {
    expect(maySee(officer('LA', ['ministry-officer']), journey({ sharedWithDestinationAt: new Date() }))).toBe(false);
  });

  it('an agency sees only the workers it registered', () => {
    expect(maySee(officer('KH', ['agency-staff'], 'AG-1'), journey())).toBe(true);
    expect(maySee(officer('KH', ['agency-staff'], 'AG-2'), journey())).toBe(false);
  });

  it('a statistician with agency-staff is still held to the agency', () => {
    expect(maySee(officer('KH', ['agency-staff', 'statistician'], 'AG-2'), journey())).toBe(false);
  });
});
