import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { toStoredJson } from './audit-hash';

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

/**
 * Appends one entry through the caller's transaction manager: the entry commits or rolls back
 * with the change it describes. One INSERT and no lock: writers never wait on one another. The
 * entry has no chain position yet; the service's AuditSequencer seals it into the hash chain
 * within the maximum merge delay after commit (ADR 0020). Any isolation level will do.
 */
export async function appendAuditEntry(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendAuditEntry must run inside the transaction that makes the change (or use recordInOwnTransaction)');
  }
  checkRecord(record);
  const details = toStoredJson(record.details);
  // recorded_at is the column default: the database clock cut to ms, so all instances agree
  // and the ISO text the sequencer hashes round-trips exactly.
  const [inserted] = (await manager.query(
    `INSERT INTO audit_log (actor_country, actor_agency, actor_officer, action, target_type, target_id, reason, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
     RETURNING entry_id, recorded_at`,
    [
      record.actor.country,
      record.actor.agencyId ?? null,
      record.actor.subject,
      record.action,
      record.targetType,
      record.targetId,
      record.reason,
      details === null ? null : JSON.stringify(details),
    ],
  )) as { entry_id: string; recorded_at: Date }[];
  return manager.create(AuditEntry, {
    entryId: String(inserted.entry_id),
    seq: null,
    recordedAt: inserted.recorded_at,
    actorCountry: record.actor.country,
    actorAgency: record.actor.agencyId ?? null,
    actorOfficer: record.actor.subject,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    reason: record.reason,
    details,
    prevHash: null,
    hash: null,
  });
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
    return this.dataSource.transaction((manager) => appendAuditEntry(manager, record));
  }
}
