import { CURRENCIES, checkpointsOfCorridors, ISCO08_MAJOR_GROUPS, ISCO08_SUB_MAJOR_GROUPS, ISCO08_UNIT_GROUP_CODES, ISIC4_DIVISION_CODES, ISIC4_SECTIONS, isCurrencyCode, isIscoUnitGroup, isIsicDivision, iscoGroupsOf, isicSectionOf, isInTheFuture, isoDay, latestToday, minorUnitsOf } from './index';

describe('ISCO-08', () => {
  it('has the 10 major, 43 sub-major and 436 unit groups, each unit group under a known sub-major group', () => {
    expect(Object.keys(ISCO08_MAJOR_GROUPS)).toHaveLength(10);
    expect(Object.keys(ISCO08_SUB_MAJOR_GROUPS)).toHaveLength(43);
    expect(ISCO08_UNIT_GROUP_CODES).toHaveLength(436);
    for (const code of ISCO08_UNIT_GROUP_CODES) {
      expect(code).toMatch(/^\d{4}$/);
      expect(ISCO08_SUB_MAJOR_GROUPS[code.slice(0, 2)]).toBeDefined();
    }
  });

  it.each(['7112', '9313', '6111', '9211', '6222', '8153', '9329', '9111', '5152', '5131', '9412'])('knows the GMS migration occupation %s', (code) => {
    expect(isIscoUnitGroup(code)).toBe(true);
  });

  it('refuses codes that are not unit groups', () => {
    expect(isIscoUnitGroup('9999')).toBe(false);
    expect(isIscoUnitGroup('93')).toBe(false);
    expect(iscoGroupsOf('9313')).toEqual({ major: '9', subMajor: '93' });
  });
});

describe('ISIC Rev.4', () => {
  it('has 21 sections and 88 divisions, each in a known section', () => {
    expect(Object.keys(ISIC4_SECTIONS)).toHaveLength(21);
    expect(ISIC4_DIVISION_CODES).toHaveLength(88);
    expect(isicSectionOf('41')).toBe('F');
    expect(isicSectionOf('97')).toBe('T');
    expect(isIsicDivision('04')).toBe(false);
  });
});

describe('ISO 4217', () => {
  it('has the GMS currencies with their minor units', () => {
    expect(Object.fromEntries(['THB', 'KHR', 'LAK', 'MMK', 'VND', 'CNY', 'USD'].map((c) => [c, minorUnitsOf(c)]))).toEqual({ THB: 2, KHR: 2, LAK: 2, MMK: 2, VND: 0, CNY: 2, USD: 2 });
    expect(isCurrencyCode('thb')).toBe(false);
    expect(CURRENCIES.KWD.minorUnits).toBe(3);
    expect(() => minorUnitsOf('XXX')).toThrow();
  });
});

describe('calendar dates', () => {
  it('accept real dates only, written YYYY-MM-DD', () => {
    const { isCalendarDate } = jest.requireActual<typeof import('./calendar-date')>('./calendar-date');
    expect(['2024-02-29', '1998-04-17'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '2026-02-30', '2026-2-3', '17/04/1998', ''].some(isCalendarDate)).toBe(false);
    // The whole value, anchored at both ends; and years below 100, which Date.UTC would read as 19xx.
    expect(['1998-04-17x', 'x1998-04-17', '0050-01-01'].some(isCalendarDate)).toBe(false);
  });

  it('count age in whole years, the birthday itself included', () => {
    const { ageOn } = jest.requireActual<typeof import('./calendar-date')>('./calendar-date');
    expect(ageOn('2011-11-23', '2026-11-22')).toBe(14);
    expect(ageOn('2011-11-23', '2026-11-23')).toBe(15);
  });

  it('add days across months, leap days and years', () => {
    const { addDays } = jest.requireActual<typeof import('./calendar-date')>('./calendar-date');
    expect(addDays('2026-12-03', 30)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('not in the future: after today in every time zone (UTC+14)', () => {
  // 2026-12-03 18:30 UTC: already 2026-12-04 in UTC+7 (Phnom Penh, Bangkok) and in UTC+14.
  const evening = new Date('2026-12-03T18:30:00Z');

  it('accepts the officer’s own today that is still tomorrow in UTC', () => {
    expect(isInTheFuture('2026-12-04', evening)).toBe(false);
    expect(isoDay(evening)).toBe('2026-12-03');
  });

  it('refuses a date that has begun nowhere yet', () => {
    expect(isInTheFuture('2026-12-05', evening)).toBe(true);
    expect(latestToday(new Date('2026-12-03T09:59:59Z'))).toBe('2026-12-03');
    expect(latestToday(new Date('2026-12-03T10:00:00Z'))).toBe('2026-12-04');
  });
});

describe('the checkpoints of a node', () => {
  it('lists every checkpoint of its corridors once, a checkpoint shared by two corridors (the airport) only the first time', () => {
    const codes = checkpointsOfCorridors([
      { origin: 'KH', destination: 'TH' },
      { origin: 'LA', destination: 'TH' },
    ]).map((c) => c.code);
    expect(codes).toEqual(['KH-TH-POIPET', 'KH-TH-CHAMYEAM', 'KH-TH-OSMACH', 'AIR-BKK', 'LA-TH-FRIENDSHIP-1', 'LA-TH-FRIENDSHIP-2']);
    expect(checkpointsOfCorridors([])).toEqual([]);
  });
});
