import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isoDay } from '@corridor/reference-data';
import { CLOCK, type Clock } from './clock';

/** The time a run of a check sees: the clock's instant and its UTC calendar day. */
export interface CheckTime {
  now: Date;
  /** YYYY-MM-DD (UTC) of `now`. */
  today: string;
}

/**
 * A check the service runs on a timer: find what is due at `time.now` and raise each flag once
 * (claimFlag in the transaction that publishes the flag's event). Returns how many flags this run
 * raised. It must be safe to run at any moment and any number of times.
 */
export interface ScheduledCheck {
  /** Unique in the service, e.g. 'deployment.missing-arrival'; also the advisory lock's key. */
  readonly checkName: string;
  run(time: CheckTime): Promise<number>;
}

/** What a run did: `skipped` when another instance held the check's lock. */
export interface CheckRun {
  check: string;
  raised: number;
  skipped: boolean;
}

export interface SchedulerOptions {
  /** How often every check runs (default: SCHEDULER_INTERVAL_MS, else one hour). */
  intervalMs?: number;
  /** false: no timer (checks run only through runNow); default true. */
  enabled?: boolean;
}

export const SCHEDULER_OPTIONS = Symbol('corridor:scheduler-options');

/** Where each run is counted (GET /metrics: corridor_scheduled_check_runs_total); ServiceMetrics in a service. */
export interface ScheduledCheckRecorder {
  scheduledCheckRun(check: string, outcome: 'ok' | 'failed' | 'skipped', seconds?: number): void;
}
export const SCHEDULED_CHECK_RECORDER = Symbol('corridor:scheduled-check-recorder');

/**
 * Runs a service's scheduled checks on a real timer, with the time of the injected clock.
 * Two instances of a service share one database: each run takes a Postgres session advisory lock
 * named by the check, so only one instance runs a check at a time (the other skips that tick),
 * and every flag is claimed under a unique key, so even runs one after the other raise it once.
 */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Scheduler');
  private readonly checks = new Map<string, ScheduledCheck>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(SCHEDULER_OPTIONS) private readonly options: SchedulerOptions = {},
    @Optional() @Inject(SCHEDULED_CHECK_RECORDER) private readonly recorder?: ScheduledCheckRecorder,
  ) {}

  /** Called by a feature's check when the module starts (ClaimedFlagCheck does it for its subclasses). */
  register(check: ScheduledCheck): void {
    if (this.checks.has(check.checkName)) throw new Error(`scheduled check ${check.checkName} is registered twice`);
    this.checks.set(check.checkName, check);
  }

  get checkNames(): string[] {
    return [...this.checks.keys()];
  }

  get intervalMs(): number {
    return this.options.intervalMs ?? (Number(process.env.SCHEDULER_INTERVAL_MS) || 3_600_000);
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled === false || this.checks.size === 0) return;
    this.timer = setInterval(() => {
      if (this.ticking) return; // the previous tick is still running
      this.ticking = this.runAll().finally(() => (this.ticking = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /** Every check once, now (what the timer does each tick). A failing check is logged and does not stop the others. */
  async runAll(): Promise<CheckRun[]> {
    const runs: CheckRun[] = [];
    for (const name of this.checks.keys()) {
      try {
        runs.push(await this.runNow(name));
      } catch (error) {
        this.logger.error(`scheduled check ${name} failed: ${(error as Error).message}`);
      }
    }
    return runs;
  }

  /** One check, now, under its advisory lock. */
  async runNow(checkName: string): Promise<CheckRun> {
    const check = this.checks.get(checkName);
    if (!check) throw new Error(`no scheduled check ${checkName} (registered: ${this.checkNames.join(', ') || 'none'})`);
    const started = performance.now();
    try {
      const run = await this.runLocked(checkName, check);
      this.recorder?.scheduledCheckRun(checkName, run.skipped ? 'skipped' : 'ok', (performance.now() - started) / 1000);
      return run;
    } catch (error) {
      this.recorder?.scheduledCheckRun(checkName, 'failed', (performance.now() - started) / 1000);
      throw error;
    }
  }

  private async runLocked(checkName: string, check: ScheduledCheck): Promise<CheckRun> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`scheduler:${checkName}`])) as { locked: boolean }[];
      if (!locked) return { check: checkName, raised: 0, skipped: true };
      try {
        const now = this.clock.now();
        const raised = await check.run({ now, today: isoDay(now) });
        if (raised > 0) this.logger.log(`scheduled check ${checkName} raised ${raised} flag(s)`);
        return { check: checkName, raised, skipped: false };
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`scheduler:${checkName}`]);
      }
    } finally {
      await runner.release();
    }
  }
}
