import { parseCorridors } from '@corridor/config';
import { whyStageCaseNotOpenable } from './stage-case.inputs';

const kh = { country: 'KH' as const, corridors: parseCorridors('KH>TH,LA>TH', () => ({}) as never) };
// 18:30 UTC on 3 December: already 4 December in Phnom Penh (UTC+7).
const evening = new Date('2026-12-03T18:30:00Z');

describe('opening a stage case', () => {
  it('is allowed along an open corridor on a date that has begun', () => {
    expect(whyStageCaseNotOpenable({ destination: 'TH', openedOn: '2026-12-03' }, kh, evening)).toBeUndefined();
  });

  it("is allowed on the officer's today that is still tomorrow in UTC", () => {
    expect(whyStageCaseNotOpenable({ destination: 'TH', openedOn: '2026-12-04' }, kh, evening)).toBeUndefined();
  });

  it('is refused towards a country with no open corridor from this node', () => {
    expect(whyStageCaseNotOpenable({ destination: 'LA', openedOn: '2026-12-03' }, kh, evening)).toEqual({ field: 'destination', reason: 'no corridor is open from KH to LA' });
  });

  it('is refused on a date that has begun nowhere yet', () => {
    expect(whyStageCaseNotOpenable({ destination: 'TH', openedOn: '2026-12-05' }, kh, evening)).toEqual({ field: 'openedOn', reason: 'openedOn 2026-12-05 is in the future' });
  });

  it('is refused on a day that no calendar has', () => {
    expect(whyStageCaseNotOpenable({ destination: 'TH', openedOn: '2026-02-30' }, kh, evening)?.field).toBe('openedOn');
  });
});
