import { currencyDigits, toMinorUnits } from '../web/src/money';

describe('an amount typed in major units becomes minor units of its currency', () => {
  it('uses the currency\'s own decimals', () => {
    expect([currencyDigits('THB'), currencyDigits('USD'), currencyDigits('LAK'), currencyDigits('VND'), currencyDigits('KHR')]).toEqual([2, 2, 0, 0, 2]);
  });

  it.each([
    ['12,500.50', 'THB', 1_250_050],
    ['12500.5', 'THB', 1_250_050],
    ['12 500', 'THB', 1_250_000],
    ['0', 'THB', 0],
    ['1500000', 'LAK', 1_500_000],
    ['.5', 'THB', undefined],
    ['12.345', 'THB', undefined], // more decimals than the currency has
    ['1.5', 'LAK', undefined],
    ['-5', 'THB', undefined],
    ['12,5a', 'THB', undefined],
  ])('%s %s → %s', (typed, currency, minor) => {
    expect(toMinorUnits(typed, currency)).toBe(minor);
  });
});
