import { Inject, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { systemActor, type EventRecorder } from '@corridor/events';
import { Outbox, type OutboxTransaction } from '@corridor/messaging';
import { claimFlag } from './claim-flag';
import { Scheduler, type CheckTime, type ScheduledCheck } from './scheduler';

/** One occurrence of a flag: what it is about and which period (see FlagKey). */
export interface FlagOccurrence {
  subject: string;
  period: string;
  /** Another key space than the check's own name, for a second kind of flag on one candidate (e.g. an escalation). */
  check?: string;
  /** The flag's id when it already has one (e.g. the flag it escalates); otherwise a new one. */
  flagId?: string;
}

/** The transaction one candidate is looked at in: the outbox's, plus raising a flag once. */
export interface FlagTransaction extends OutboxTransaction {
  /**
   * Claims the occurrence (claimFlag) and only when it is new runs `write` (the flag's rows,
   * audit entry and event) with its flag id, in this transaction, and counts it as raised.
   */
  raiseOnce(occurrence: FlagOccurrence, write: (flagId: string) => Promise<void>): Promise<void>;
}

/**
 * A scheduled check that raises each flag once: it finds the candidates at the clock's time in
 * one transaction, then looks at each again in its own outbox transaction, where every flag is
 * claimed under its key before it is written, so reruns and a second instance raise nothing new,
 * and one candidate's failure rolls back only its own claims. `run` returns the flags raised.
 *
 * A check says only its name, how it finds candidates and what it raises for one; being a Nest
 * provider registers it with the Scheduler. The shared dependencies are injected as properties,
 * so that a check with dependencies of its own declares a constructor for those alone.
 *
 *   @Injectable()
 *   export class MissingArrivalCheck extends ClaimedFlagCheck<string> {
 *     readonly checkName = 'deployment.missing-arrival';
 *     protected findCandidates(manager, time) { … }
 *     protected async raiseFor(journeyId, tx, time) { … await tx.raiseOnce({ subject, period }, (flagId) => …); }
 *   }
 */
export abstract class ClaimedFlagCheck<Candidate> implements ScheduledCheck, OnModuleInit {
  abstract readonly checkName: string;

  @Inject(Scheduler) private readonly scheduler!: Scheduler;
  @Inject(Outbox) private readonly outbox!: Outbox;
  @Inject(AuditTrail) protected readonly audit!: AuditTrail;
  @InjectNodeConfig() protected readonly config!: NodeConfig;

  /** What may be due at `time`: read in one transaction, each looked at again in its own. */
  protected abstract findCandidates(manager: EntityManager, time: CheckTime): Promise<Candidate[]>;

  /** Re-reads (and locks) one candidate and raises what is due for it, each flag through `tx.raiseOnce`. */
  protected abstract raiseFor(candidate: Candidate, tx: FlagTransaction, time: CheckTime): Promise<void>;

  /** The node itself, named by the check: who records the flags' events and audit entries. */
  protected get actor(): EventRecorder {
    return systemActor(this.config.country, this.checkName);
  }

  onModuleInit(): void {
    this.scheduler.register(this);
  }

  async run(time: CheckTime): Promise<number> {
    const candidates = await this.outbox.transaction(({ manager }) => this.findCandidates(manager, time));
    let raised = 0;
    for (const candidate of candidates) raised += await this.outbox.transaction((tx) => this.raiseInOwnTransaction(candidate, tx, time));
    return raised;
  }

  /** How many flags one candidate's transaction raised (counted only once its write succeeded). */
  private async raiseInOwnTransaction(candidate: Candidate, tx: OutboxTransaction, time: CheckTime): Promise<number> {
    let raised = 0;
    const raiseOnce: FlagTransaction['raiseOnce'] = async ({ check = this.checkName, subject, period, flagId = uuidv7() }, write) => {
      if (!(await claimFlag(tx.manager, { check, subject, period }, flagId))) return;
      await write(flagId);
      raised += 1;
    };
    await this.raiseFor(candidate, { ...tx, raiseOnce }, time);
    return raised;
  }
}
