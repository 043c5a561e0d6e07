import type { ClientBase, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { GENESIS_HASH, auditEntryHash } from './audit-hash';

/** The maximum merge delay (see AuditSequencer); kept here so that the verifier needs no Nest. */
export const AUDIT_MAX_MERGE_DELAY_MS = 5_000;

export type AuditChainProblemKind = 'hash-mismatch' | 'broken-link' | 'missing-rows' | 'unsealed-overdue';

export interface AuditChainProblem {
  /** The changed row, the row whose link is broken, or the first of the missing ones; 0 for unsealed entries (they have no seq yet). */
  seq: number;
  problem: AuditChainProblemKind;
  detail: string;
}

export interface AuditChainReport {
  rows: number;
  problems: AuditChainProblem[];
  /**
   * The last row. The chain cannot show that rows were cut off its end, or that someone with
   * write access rewrote every row from some point on: keep the head somewhere else (a ticket, a
   * signed report) and check later that the row with that seq still has that hash.
   */
  head: { seq: number; hash: string } | null;
  /** Entries recorded but not sealed yet; `overdue` of them for longer than the maximum merge delay. */
  unsealed?: { count: number; overdue: number };
}

/** One row of audit_log as the pg driver returns it. */
export interface AuditLogRow {
  seq: string | number;
  recorded_at: Date;
  actor_country: string;
  actor_agency: string | null;
  actor_officer: string;
  action: string;
  target_type: string;
  target_id: string;
  reason: string;
  details: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

/** Recomputes a row's hash from its columns, exactly as AuditTrail computed it at insert. */
export function recomputeHash(row: AuditLogRow): string {
  return auditEntryHash(row.prev_hash, {
    seq: Number(row.seq),
    recorded_at: row.recorded_at.toISOString(),
    actor_country: row.actor_country,
    actor_agency: row.actor_agency,
    actor_officer: row.actor_officer,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    reason: row.reason,
    details: row.details,
  });
}

/** Checks rows fed to it in seq order; kept apart from the database so it can be tested alone. */
export class AuditChainChecker {
  private count = 0;
  private readonly problems: AuditChainProblem[] = [];
  private last: { seq: number; hash: string } | null = null;

  check(row: AuditLogRow): void {
    const seq = Number(row.seq);
    const expected = (this.last?.seq ?? 0) + 1;
    if (seq > expected) {
      const missing = seq - expected;
      this.problems.push({
        seq: expected,
        problem: 'missing-rows',
        detail: missing === 1 ? `seq ${expected} is missing: row deleted` : `seq ${expected} to ${seq - 1} are missing: ${missing} rows deleted`,
      });
      // The row the link points to is gone; reporting the link too would only repeat the gap.
    } else if (seq < expected) {
      // Only possible if the table's constraints were dropped (seq is the primary key, > 0).
      this.problems.push({ seq, problem: 'broken-link', detail: `seq ${seq} out of order after seq ${expected - 1}: row inserted by hand` });
    } else if (row.prev_hash !== (this.last?.hash ?? GENESIS_HASH)) {
      this.problems.push({
        seq,
        problem: 'broken-link',
        detail:
          seq === 1
            ? 'the first row does not start from the genesis hash'
            : `prev_hash is not the hash of seq ${seq - 1}: that row was changed and re-hashed, or this link was edited`,
      });
    }
    if (recomputeHash(row) !== row.hash) {
      this.problems.push({ seq, problem: 'hash-mismatch', detail: 'row changed after it was written' });
    }
    // Link the next row to the hash as stored: a changed row is reported once, not twice. A row
    // out of order does not move the chain on, so the rows after it are still checked in line.
    if (seq >= expected) this.last = { seq, hash: row.hash };
    this.count += 1;
  }

  report(): AuditChainReport {
    return { rows: this.count, problems: [...this.problems], head: this.last ? { ...this.last } : null };
  }
}

/** A TypeORM DataSource (a running service) or a pg Client / Pool (the CLI, tests). */
export type AuditLogSource = DataSource | ClientBase | Pool;

async function selectRows(source: AuditLogSource, sql: string, params: unknown[]): Promise<AuditLogRow[]> {
  if ('createQueryRunner' in source) return (await source.query(sql, params)) as AuditLogRow[];
  return (await source.query<AuditLogRow>(sql, params)).rows;
}

/**
 * Walks audit_log in seq order, a batch at a time (memory stays flat for any size of log), and
 * reports every changed row, broken link and run of missing seqs. Appends may go on meanwhile:
 * they commit in seq order, so each batch sees a clean prefix of the log.
 */
export async function verifyAuditChain(source: AuditLogSource, options: { batchSize?: number; maxMergeDelayMs?: number } = {}): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  const unsealed = await unsealedEntries(source, options.maxMergeDelayMs ?? AUDIT_MAX_MERGE_DELAY_MS);
  const checker = new AuditChainChecker();
  let after: string | null = null;
  for (;;) {
    const rows = await selectRows(
      source,
      `SELECT seq, recorded_at, actor_country, actor_agency, actor_officer, action, target_type, target_id,
              reason, details, prev_hash, hash
       FROM audit_log WHERE seq IS NOT NULL AND ($1::bigint IS NULL OR seq > $1::bigint) ORDER BY seq LIMIT $2`,
      [after, batchSize],
    );
    for (const row of rows) checker.check(row);
    if (rows.length < batchSize) {
      const report = checker.report();
      if (unsealed.overdue > 0) {
        report.problems.push({
          seq: 0,
          problem: 'unsealed-overdue',
          detail: `${unsealed.overdue} entries recorded more than ${options.maxMergeDelayMs ?? AUDIT_MAX_MERGE_DELAY_MS} ms ago are not sealed (oldest entry_id ${unsealed.oldestOverdue}): is the sequencer running?`,
        });
      }
      return { ...report, unsealed: { count: unsealed.count, overdue: unsealed.overdue } };
    }
    after = String(rows[rows.length - 1].seq);
  }
}

/**
 * Counted before the chain is walked: an entry sealed meanwhile is then counted as unsealed,
 * never missed. Overdue by the database clock, which also stamped recorded_at.
 */
async function unsealedEntries(source: AuditLogSource, maxMergeDelayMs: number): Promise<{ count: number; overdue: number; oldestOverdue: string | null }> {
  const [row] = (await selectRows(
    source,
    `SELECT count(*)::int AS count,
            count(*) FILTER (WHERE recorded_at < clock_timestamp() - make_interval(secs => $1::float8 / 1000))::int AS overdue,
            min(entry_id) FILTER (WHERE recorded_at < clock_timestamp() - make_interval(secs => $1::float8 / 1000)) AS oldest
       FROM audit_log WHERE seq IS NULL`,
    [maxMergeDelayMs],
  )) as unknown as { count: number; overdue: number; oldest: string | null }[];
  return { count: row.count, overdue: row.overdue, oldestOverdue: row.oldest };
}
