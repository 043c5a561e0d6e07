import { DomainProblem } from './problem';

/** 429: too many requests from this address or for this reference; Retry-After says when to try again. */
export class TooManyRequests extends DomainProblem({ status: 429, slug: 'too-many-requests', title: 'Too many requests' }) {
  constructor(what: string, readonly retryAfterSeconds: number) {
    super(`Too many ${what}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export interface RateLimit {
  /** Requests allowed per key in one window. */
  limit: number;
  windowSeconds: number;
}

/** "5/3600" → 5 per hour; the fallback when the setting is absent or malformed. */
export function rateLimitFrom(text: string | undefined, fallback: RateLimit): RateLimit {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,7})\s*$/.exec(text ?? '');
  return m && Number(m[1]) > 0 && Number(m[2]) > 0 ? { limit: Number(m[1]), windowSeconds: Number(m[2]) } : fallback;
}

/**
 * A fixed-window counter per key (an address, a reference), in this process's memory: enough for
 * one public endpoint of one node (ADR 0028); a second replica would need a shared store. At most
 * `maxKeys` keys are held: when full, expired windows are dropped, then the oldest.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetsAt: number }>();

  constructor(
    private readonly what: string,
    private readonly rate: RateLimit,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one request for `key`; throws TooManyRequests once the window's limit is spent. */
  take(key: string): void {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetsAt <= now) {
      this.makeRoom(now);
      window = { count: 0, resetsAt: now + this.rate.windowSeconds * 1000 };
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    if (window.count >= this.rate.limit) throw new TooManyRequests(this.what, Math.max(1, Math.ceil((window.resetsAt - now) / 1000)));
    window.count += 1;
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [key, w] of this.windows) if (w.resetsAt <= now) this.windows.delete(key);
    while (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
  }
}
