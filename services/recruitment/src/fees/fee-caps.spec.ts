import { loadNodeConfig } from '@corridor/config';
import { DEFAULT_FEE_CAP, FeeCaps, compareWithCap, feeCapsFromCorridors, type FeeCap } from './fee-caps';

describe('recruitment fee caps', () => {
  it('come from the policies of the open corridors', () => {
    const caps = feeCapsFromCorridors(loadNodeConfig({ COUNTRY: 'KH', CORRIDORS: 'KH>TH' }));
    expect(caps.of('KH', 'TH')).toEqual({ amountMinor: 0, currency: 'THB' });
  });

  it('default to zero (employer pays) for a corridor that is not open, or before a destination is known', () => {
    const caps = feeCapsFromCorridors(loadNodeConfig({ COUNTRY: 'KH', CORRIDORS: 'KH>TH' }));
    expect(caps.of('MM', 'TH')).toEqual(DEFAULT_FEE_CAP);
    expect(caps.of('KH', null)).toEqual(DEFAULT_FEE_CAP);
    expect(DEFAULT_FEE_CAP).toEqual({ amountMinor: 0, currency: '' });
  });

  it('are looked up by origin and destination, in that order', () => {
    const caps = new FeeCaps(new Map([['KH>TH', { amountMinor: 50_000, currency: 'THB' }]]));
    expect(caps.of('KH', 'TH')).toEqual({ amountMinor: 50_000, currency: 'THB' });
    expect(caps.of('TH', 'KH')).toEqual(DEFAULT_FEE_CAP);
  });
});

describe('the fee-cap rule', () => {
  const cap: FeeCap = { amountMinor: 50_000, currency: 'THB' };
  const thb = (...amounts: (number | string)[]) => amounts.map((amountMinor) => ({ amountMinor, currency: 'THB' }));

  it('below the cap and exactly at it the cap holds', () => {
    expect(compareWithCap(cap, thb(49_999), 'THB', 'KH>TH')).toEqual({ paidTotalMinor: 49_999, comparable: true, excessMinor: -1 });
    expect(compareWithCap(cap, thb(50_000), 'THB', 'KH>TH')).toEqual({ paidTotalMinor: 50_000, comparable: true, excessMinor: 0 });
  });

  it('one minor unit above the cap is a breach, naming the total, the cap and the excess', () => {
    expect(compareWithCap(cap, thb(50_001), 'THB', 'KH>TH')).toEqual({
      paidTotalMinor: 50_001,
      comparable: true,
      excessMinor: 1,
      breach: 'the worker paid 50001 THB (minor units) in total; the KH>TH cap is 50000 THB: 1 above it',
    });
  });

  it('counts the total of every instalment in the currency, not the latest payment (amounts as pg gives them)', () => {
    expect(compareWithCap(cap, thb('30000', '20000'), 'THB', 'KH>TH').breach).toBeUndefined();
    expect(compareWithCap(cap, thb('30000', '20000', '1'), 'THB', 'KH>TH')).toMatchObject({ paidTotalMinor: 50_001, excessMinor: 1, breach: expect.stringContaining('paid 50001 THB (minor units) in total') });
    // Payments in another currency are not added to this one's total.
    expect(compareWithCap(cap, [...thb(40_000), { amountMinor: 40_000, currency: 'USD' }], 'THB', 'KH>TH')).toEqual({ paidTotalMinor: 40_000, comparable: true, excessMinor: -10_000 });
  });

  it('a zero cap (employer pays) is breached by any payment in any currency', () => {
    const zero = { amountMinor: 0, currency: 'THB' };
    expect(compareWithCap(zero, thb(1), 'THB', 'KH>TH')).toEqual({ paidTotalMinor: 1, comparable: true, excessMinor: 1, breach: 'the worker paid 1 THB (minor units) in total; the KH>TH cap is zero (employer pays): 1 above it' });
    expect(compareWithCap(DEFAULT_FEE_CAP, [{ amountMinor: 500, currency: 'USD' }], 'USD', 'KH>?')).toMatchObject({ comparable: true, excessMinor: 500, breach: expect.stringContaining('the KH>? cap is zero (employer pays): 500 above it') });
    expect(compareWithCap(zero, [], 'THB', 'KH>TH')).toEqual({ paidTotalMinor: 0, comparable: true, excessMinor: 0 });
  });

  it('a payment in another currency than a non-zero cap cannot be compared: flagged for review, however small', () => {
    expect(compareWithCap(cap, [{ amountMinor: 1, currency: 'USD' }], 'USD', 'KH>TH')).toEqual({
      paidTotalMinor: 1,
      comparable: false,
      excessMinor: 1,
      breach: 'the worker paid 1 USD (minor units); the KH>TH cap is in THB and cannot be compared: flagged for review',
    });
  });
});
