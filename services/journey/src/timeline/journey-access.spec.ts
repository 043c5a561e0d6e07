import type { Officer } from '@corridor/auth';
import { maySeeJourney } from './journey-access';
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

describe('who may see a journey', () => {
  it('the origin country sees its journeys', () => {
    expect(maySeeJourney(officer('KH', ['ministry-officer']), journey())).toBe(true);
  });

  it('the destination sees nothing before the first cross-border event', () => {
    expect(maySeeJourney(officer('TH', ['destination-officer']), journey())).toBe(false);
  });

  it('the destination sees the journey from the first cross-border event on', () => {
    expect(maySeeJourney(officer('TH', ['destination-officer']), journey({ sharedWithDestinationAt: new Date() }))).toBe(true);
  });

  it('a third country never sees it', () => {
    expect(maySeeJourney(officer('LA', ['ministry-officer']), journey({ sharedWithDestinationAt: new Date() }))).toBe(false);
  });

  it('an agency sees only the workers it registered', () => {
    expect(maySeeJourney(officer('KH', ['agency-staff'], 'AG-1'), journey())).toBe(true);
    expect(maySeeJourney(officer('KH', ['agency-staff'], 'AG-2'), journey())).toBe(false);
  });
});
