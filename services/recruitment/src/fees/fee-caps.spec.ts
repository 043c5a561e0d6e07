import { loadNodeConfig } from '@corridor/config';
import { DEFAULT_FEE_CAP, feeCapsFromCorridors } from './fee-caps';

describe('recruitment fee caps', () => {
  it('come from the policies of the open corridors', () => {
    const caps = feeCapsFromCorridors(loadNodeConfig({ COUNTRY: 'KH', CORRIDORS: 'KH>TH' }));
    expect(caps.of('KH', 'TH')).toEqual({ amountMinor: 0, currency: 'THB' });
  });

  it('default to zero (employer pays) for a corridor that is not open, or before a destination is known', () => {
    const caps = feeCapsFromCorridors(loadNodeConfig({ COUNTRY: 'KH', CORRIDORS: 'KH>TH' }));
    expect(caps.of('MM', 'TH')).toEqual(DEFAULT_FEE_CAP);
    expect(caps.of('KH', null)).toEqual(DEFAULT_FEE_CAP);
  });
});
