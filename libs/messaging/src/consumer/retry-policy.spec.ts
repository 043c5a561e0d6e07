import { nextBackoffMs } from './retry-policy';

describe('retry back-off', () => {
  it('doubles from the initial delay', () => {
    expect([1, 2, 3, 4].map((a) => nextBackoffMs(a, { initialMs: 100, maxMs: 10_000 }))).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the cap, even after many attempts', () => {
    expect(nextBackoffMs(200, { initialMs: 100, maxMs: 2000 })).toBe(2000);
  });
});
