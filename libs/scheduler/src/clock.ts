/**
 * What "now" is for the scheduled checks (and any rule that needs the time): injected, so that a
 * test moves time forward instead of sleeping. Production uses the system clock.
 */
export interface Clock {
  now(): Date;
}

/** The Nest token of the node's clock (CorridorServiceModule provides it; ServiceRuntime.clock overrides it). */
export const CLOCK = Symbol('corridor:clock');

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test sets and moves by hand. */
export class ManualClock implements Clock {
  private at: Date;

  constructor(start: Date | string = new Date()) {
    this.at = new Date(start);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | string): void {
    this.at = new Date(at);
  }

  advance(milliseconds: number): void {
    this.at = new Date(this.at.getTime() + milliseconds);
  }

  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}
