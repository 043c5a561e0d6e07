import { RateLimiter, TooManyRequests, rateLimitFrom } from './rate-limit';

const refusalOf = (take: () => void): TooManyRequests | undefined => {
  try {
    take();
    return undefined;
  } catch (e) {
    return e as TooManyRequests;
  }
};

describe('the rate limit of a public endpoint', () => {
  it('allows the configured number per window, then refuses with the seconds left until the window ends', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter('grievance filings', { limit: 3, windowSeconds: 60 }, () => now);
    for (let i = 0; i < 3; i++) limiter.take('198.51.100.7');
    now += 15_000;
    const refusal = refusalOf(() => limiter.take('198.51.100.7'));
    expect(refusal).toBeInstanceOf(TooManyRequests);
    expect(refusal?.retryAfterSeconds).toBe(45);
    expect(refusal?.toProblem()).toMatchObject({ status: 429, type: 'https://corridor.gms/problems/too-many-requests', retryAfterSeconds: 45 });
    expect(() => limiter.take('203.0.113.9')).not.toThrow();
    now += 45_000;
    expect(() => limiter.take('198.51.100.7')).not.toThrow();
  });

  it('holds at most maxKeys keys, so a flood of addresses cannot exhaust memory', () => {
    const limiter = new RateLimiter('x', { limit: 1, windowSeconds: 60 }, () => 0, 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(() => limiter.take('c')).toThrow(TooManyRequests);
    expect(() => limiter.take('a')).not.toThrow();
  });

  it('reads "limit/seconds" settings and falls back on anything else', () => {
    expect(rateLimitFrom('5/3600', { limit: 1, windowSeconds: 1 })).toEqual({ limit: 5, windowSeconds: 3600 });
    expect(rateLimitFrom('0/60', { limit: 1, windowSeconds: 1 })).toEqual({ limit: 1, windowSeconds: 1 });
    expect(rateLimitFrom(undefined, { limit: 2, windowSeconds: 9 })).toEqual({ limit: 2, windowSeconds: 9 });
  });
});
