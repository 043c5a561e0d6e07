import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GENESIS_HASH } from './audit-hash';
import { recomputeHash, type AuditLogRow } from './verify-audit-chain';

/*
 * The maximum merge delay (RFC 9162's MMD, AUDIT_MAX_MERGE_DELAY_MS, 5 s): every committed entry
 * is sealed into the chain within it. The sequencer runs every AUDIT_SEAL_INTERVAL_MS (default
 * 200 ms) and seals up to 1,000 entries a round, so it keeps far inside it; verifyAuditChain
 * reports entries left unsealed for longer (a sequencer down, or entries hidden from it).
 */

/**
 * The advisory lock one sequencer of a service database holds while it seals ("audi" in ASCII).
 * Only sealing takes it, never a business transaction; a second instance of the service tries it,
 * finds it taken and leaves the batch to the first.
 */
export const AUDIT_SEQUENCER_LOCK = 0x61756469;

const DEFAULT_SEAL_INTERVAL_MS = 200;
const DEFAULT_BATCH = 1_000;

type UnsealedRow = Omit<AuditLogRow, 'seq' | 'prev_hash' | 'hash'> & { entry_id: string };

/**
 * Seals the committed, unsealed entries of one database, oldest entry first, into the hash chain:
 * one transaction per batch under the sequencer lock, one UPDATE for the whole batch. Returns how
 * many it sealed (0 when another sequencer holds the lock or nothing waits).
 */
export async function sealAuditEntries(dataSource: DataSource, batchSize = DEFAULT_BATCH): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [AUDIT_SEQUENCER_LOCK])) as { locked: boolean }[];
    if (!locked) return 0;
    const pending = (await manager.query(
      `SELECT entry_id, recorded_at, actor_country, actor_agency, actor_officer, action, target_type, target_id, reason, details
         FROM audit_log WHERE seq IS NULL ORDER BY entry_id LIMIT $1`,
      [batchSize],
    )) as UnsealedRow[];
    if (pending.length === 0) return 0;
    // Read under the lock: only a sequencer writes seq, so this is the head the batch extends.
    const [last] = (await manager.query('SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1')) as { seq: string; hash: string }[];
    let seq = last ? Number(last.seq) : 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const ids: string[] = [];
    const seqs: number[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const row of pending) {
      seq += 1;
      const hash = recomputeHash({ ...row, seq, prev_hash: prevHash, hash: '' });
      ids.push(row.entry_id);
      seqs.push(seq);
      prevHashes.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }
    await manager.query(
      `UPDATE audit_log AS a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(entry_id, seq, prev_hash, hash)
        WHERE a.entry_id = v.entry_id`,
      [ids, seqs, prevHashes, hashes],
    );
    return pending.length;
  });
}

/**
 * The one sequencer of a service: seals committed audit entries in batches a few hundred
 * milliseconds after commit, off the request path (ADR 0020). Runs in every instance; the
 * advisory lock lets one seal at a time, so two instances are safe.
 */
@Injectable()
export class AuditSequencer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSequencer.name);
  private readonly intervalMs = Number(process.env.AUDIT_SEAL_INTERVAL_MS || DEFAULT_SEAL_INTERVAL_MS);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    // What this instance committed last is sealed before it goes.
    await this.sealNow().catch(() => undefined);
  }

  /** Seals everything committed so far (tests, shutdown); returns how many entries it sealed. */
  async sealNow(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await sealAuditEntries(this.dataSource);
      total += sealed;
      if (sealed < DEFAULT_BATCH) return total;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sealNow()
        .catch((error: Error) => this.logger.warn(`sealing audit entries failed, retrying: ${error.message}`))
        .finally(() => this.schedule());
    }, this.intervalMs);
    // Never what keeps a process alive: shutdown seals what is left (beforeApplicationShutdown).
    this.timer.unref();
  }
}
