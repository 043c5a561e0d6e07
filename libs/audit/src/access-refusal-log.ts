import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessRefusalRecord, AccessRefusalSink } from '@corridor/auth';

/** Distinct attempts kept in memory between flushes; beyond it, attempts are counted per reason only. */
export const REFUSAL_BUFFER_LIMIT = 5_000;
const FLUSH_EVERY_MS = 2_000;

interface Aggregate {
  record: AccessRefusalRecord;
  windowStart: Date;
  attempts: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * The refusal log: every 401/403 and every 404 on an object the caller may not see, for auditors.
 * Off the request path: refusals are counted in memory per (minute, who, what, why) and written
 * in one statement every two seconds, so a flood of refusals costs memory bounded by
 * REFUSAL_BUFFER_LIMIT and one upsert per flush, never a write per request (ADR 0009).
 */
@Injectable()
export class AccessRefusalLog implements AccessRefusalSink, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AccessRefusals');
  private buffer = new Map<string, Aggregate>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  /** Attempts folded into per-reason rows because the buffer was full. */
  overflowed = 0;

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  refused(record: AccessRefusalRecord, now = new Date()): void {
    const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    let key = aggregateKey(windowStart, record);
    if (!this.buffer.has(key) && this.buffer.size >= REFUSAL_BUFFER_LIMIT) {
      // Full: keep the count and the reason, drop who and which object.
      this.overflowed++;
      record = { ...record, subject: '*', agencyId: null, targetType: null, targetId: null, sourceIp: null };
      key = aggregateKey(windowStart, record);
    }
    const existing = this.buffer.get(key);
    if (existing) {
      existing.attempts++;
      existing.lastAt = now;
    } else {
      this.buffer.set(key, { record, windowStart, attempts: 1, firstAt: now, lastAt: now });
    }
  }

  /** Writes what was counted since the last flush; tests and shutdown call it directly. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.buffer.size === 0 || !this.dataSource.isInitialized) return;
    const batch = [...this.buffer.values()];
    this.buffer = new Map();
    const values: unknown[] = [];
    const rows = batch.map((a, i) => {
      const r = a.record;
      values.push(a.windowStart, r.subject, r.country ?? '', r.agencyId ?? '', r.operation, r.targetType ?? '', r.targetId ?? '', r.reason, r.status, r.sourceIp ?? '', a.attempts, a.firstAt, a.lastAt);
      const p = i * 13;
      return `(${Array.from({ length: 13 }, (_, k) => `$${p + k + 1}`).join(', ')})`;
    });
    try {
      await this.dataSource.query(
        `INSERT INTO access_refusal AS r (window_start, actor_officer, actor_country, actor_agency, operation, target_type, target_id, reason, status, source_ip, attempts, first_at, last_at)
         VALUES ${rows.join(', ')}
         ON CONFLICT (window_start, actor_officer, actor_country, actor_agency, operation, target_type, target_id, reason, status, source_ip)
         DO UPDATE SET attempts = r.attempts + EXCLUDED.attempts, last_at = GREATEST(r.last_at, EXCLUDED.last_at)`,
        values,
      );
    } catch (error) {
      // Losing refusal counts is better than failing requests; say so loudly.
      this.logger.error(`could not write ${batch.length} refusal aggregate(s): ${(error as Error).message}`);
    }
  }
}

function aggregateKey(windowStart: Date, r: AccessRefusalRecord): string {
  return JSON.stringify([windowStart.getTime(), r.subject, r.country, r.agencyId, r.operation, r.targetType, r.targetId, r.reason, r.status, r.sourceIp]);
}
