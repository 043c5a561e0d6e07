import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { GENESIS_HASH, auditEntryHash, toStoredJson } from './audit-hash';

/**
 * The advisory lock that serialises appends to one database's audit log ("audit" in ASCII).
 * Held until the caller's transaction ends, so the next writer reads a committed last row.
 */
export const AUDIT_LOCK_KEY = 0x61756469;

/** Who acted; an `Officer` from @corridor/auth fits as it is. */
export interface AuditActor {
  /** The officer's token subject, or `system:<component>` for work no officer started. */
  subject: string;
  country: string;
  agencyId?: string | null;
}

/** What a service tells the audit log about one write, or one read of person data. */
export interface AuditRecord {
  actor: AuditActor;
  /** `<target type>.<verb>`, e.g. `worker.register`, `worker.read`. */
  action: string;
  targetType: string;
  targetId: string;
  /** The purpose; required for reads of person data as much as for writes. */
  reason: string;
  /** Anything else worth keeping; must be JSON (Dates are stored as ISO strings). */
  details?: Record<string, unknown>;
}

/** Bugs in the calling code (not request problems), so a plain Error that surfaces as a 500. */
function checkRecord(record: AuditRecord): void {
  const required = {
    'actor.subject': record.actor?.subject,
    'actor.country': record.actor?.country,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    reason: record.reason,
  };
  for (const [field, value] of Object.entries(required)) {
    if (typeof value !== 'string' || value.trim() === '') throw new Error(`audit record needs a non-empty ${field}`);
  }
}

interface LastRow {
  seq: string | null;
  hash: string | null;
  now: Date;
}

/**
 * Appends one entry through the caller's transaction manager: the entry commits or rolls back
 * with the change it describes, and a rollback leaves no gap in seq.
 *
 * The audit lock is held until that transaction ends, so audited transactions of one service
 * commit one at a time from this point: record as late in the transaction as you can.
 */
export async function appendAuditEntry(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendAuditEntry must run inside the transaction that makes the change (or use recordInOwnTransaction)');
  }
  checkRecord(record);
  const [{ isolation }] = (await manager.query(
    "SELECT pg_advisory_xact_lock($1), current_setting('transaction_isolation') AS isolation",
    [AUDIT_LOCK_KEY],
  )) as { isolation: string }[];
  // Under REPEATABLE READ or SERIALIZABLE the snapshot may predate the lock, so the "last row"
  // below could be stale; only READ COMMITTED takes a fresh snapshot for the next statement.
  if (isolation !== 'read committed') {
    throw new Error(`audit entries need a READ COMMITTED transaction, this one is ${isolation.toUpperCase()}`);
  }
  // A separate statement after the lock: it sees every append committed before we got the lock.
  // The database clock, cut to ms, so all instances agree and the ISO text round-trips exactly.
  const [last] = (await manager.query(`
    SELECT l.seq, l.hash, date_trunc('milliseconds', clock_timestamp()) AS now
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS l ON true`)) as LastRow[];
  const seq = last.seq === null ? 1 : Number(last.seq) + 1;
  const prevHash = last.hash ?? GENESIS_HASH;
  const details = toStoredJson(record.details);
  const entry = manager.create(AuditEntry, {
    seq: String(seq),
    recordedAt: last.now,
    actorCountry: record.actor.country,
    actorAgency: record.actor.agencyId ?? null,
    actorOfficer: record.actor.subject,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    reason: record.reason,
    details,
    prevHash,
  });
  entry.hash = auditEntryHash(prevHash, {
    seq,
    recorded_at: entry.recordedAt.toISOString(),
    actor_country: entry.actorCountry,
    actor_agency: entry.actorAgency,
    actor_officer: entry.actorOfficer,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    reason: entry.reason,
    details,
  });
  // Plain SQL: the exact values that were hashed go in, with no ORM conversion in between.
  await manager.query(
    `INSERT INTO audit_log (seq, recorded_at, actor_country, actor_agency, actor_officer, action, target_type, target_id,
                            reason, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
    [
      entry.seq,
      entry.recordedAt,
      entry.actorCountry,
      entry.actorAgency,
      entry.actorOfficer,
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.reason,
      details === null ? null : JSON.stringify(details),
      entry.prevHash,
      entry.hash,
    ],
  );
  return entry;
}

/** A replica applied an event another node recorded (ADR 0006). */
export interface ReplicatedStep {
  /** The projector, e.g. `contract-replica`: the actor is `system:<replica>` of this node. */
  replica: string;
  /** This node's country. */
  country: string;
  /** The envelope of the event applied: its id and who recorded it are the entry's reason. */
  event: { eventId: string; recordedBy?: { country: string; officerId: string } };
  action: string;
  targetType: string;
  targetId: string;
}

/** The audit log as services use it: inject `AuditTrail` and record within the transaction. */
@Injectable()
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends within the caller's transaction; see appendAuditEntry. */
  record(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    return appendAuditEntry(manager, record);
  }

  /** Appends the entry of a replica step, within the projector's transaction: every replica words it alike. */
  recordReplicated(manager: EntityManager, step: ReplicatedStep): Promise<AuditEntry> {
    const by = step.event.recordedBy;
    return appendAuditEntry(manager, {
      actor: { subject: `system:${step.replica}`, country: step.country },
      action: step.action,
      targetType: step.targetType,
      targetId: step.targetId,
      reason: `event ${step.event.eventId} recorded by ${by?.country ?? '?'} (${by?.officerId || 'unknown officer'})`,
    });
  }

  /**
   * For reads that change nothing: a short transaction of its own. Await it before answering,
   * so person data is never handed out without its audit entry committed.
   */
  recordInOwnTransaction(record: AuditRecord): Promise<AuditEntry> {
    return this.dataSource.transaction('READ COMMITTED', (manager) => appendAuditEntry(manager, record));
  }
}
