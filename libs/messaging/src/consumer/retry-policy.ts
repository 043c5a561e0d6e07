export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

/** Exponential back-off: initial, 2×, 4×, … capped at max. Attempt counts from 1. */
export function nextBackoffMs(attempt: number, options: BackoffOptions): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.min(exponent, 30));
}

export interface RetryPolicy extends BackoffOptions {
  /** Total attempts before a record goes to the dead-letter topic. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialMs: 100, maxMs: 2000 };
