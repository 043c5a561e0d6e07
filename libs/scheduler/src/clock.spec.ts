import { ManualClock, systemClock } from './clock';

describe('clocks', () => {
  it('a manual clock stays where it is set and moves only when told', () => {
    const clock = new ManualClock('2027-01-10T08:00:00Z');
    expect(clock.now().toISOString()).toBe('2027-01-10T08:00:00.000Z');
    clock.advanceDays(8);
    expect(clock.now().toISOString()).toBe('2027-01-18T08:00:00.000Z');
    clock.advance(-3_600_000);
    expect(clock.now().toISOString()).toBe('2027-01-18T07:00:00.000Z');
    clock.set('2030-05-01');
    expect(clock.now().toISOString()).toBe('2030-05-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move the clock by mutating its answer', () => {
    const clock = new ManualClock('2027-01-10T00:00:00Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2027);
  });

  it('the system clock is the time now', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
