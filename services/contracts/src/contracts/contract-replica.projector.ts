import { Controller } from '@nestjs/common';
import {
  ContractAmendedSchema,
  ContractDraftedSchema,
  ContractRegisteredAtDestinationSchema,
  ContractRejectedSchema,
  ContractSignedSchema,
  ContractSubstitutionDetectedSchema,
  ContractSubstitutionResolvedSchema,
  ContractVerifiedSchema,
  occurredAt,
} from '@corridor/events';
import { ProblemError } from '@corridor/http';
import { HandlesEvent, logLeftOut, type ReceivedEvent, type ReceivedEventOf } from '@corridor/messaging';
import { SUBSTITUTION_FLAG_LIFECYCLE } from '@corridor/state-machine';
import { NodeEventProjector } from '@corridor/service-runtime';
import type { EntityManager } from 'typeorm';
import { partyFromWire, sideFromWire } from './contract-events';
import { ContractLedger, type Recorded } from './contract-ledger';
import { afterAmendment, afterRejection, afterSignature, afterVerification } from './contract-state';
import { clausesFromMessages, termsFromMessage } from './contract-terms';
import { ContractRegistration } from './contract-registration.entity';
import { ContractVersion } from './contract-version.entity';
import { Contract } from './contract.entity';
import { SUBSTITUTION_SOURCES, SubstitutionFlag, type SubstitutionSource } from './substitution-flag.entity';
import { progressOf } from './contract.views';

/**
 * Applies the other side's contract events to this node's copy, through the same ledger and the
 * same state machine as the use cases: a step it forbids in the state this copy holds is left out
 * and logged with the use case's own reason. Each step names the version and signing round it was
 * taken in; one for an older version or round (crossed with a rejection or amendment here) is stale
 * and is left out too. Events this node recorded itself come back on the topic and are skipped.
 */
@Controller()
export class ContractReplicaProjector extends NodeEventProjector {
  @HandlesEvent(ContractDraftedSchema)
  async onDrafted(event: ReceivedEventOf<typeof ContractDraftedSchema>): Promise<void> {
    if (this.isOwn(event)) return;
    const p = event.payload;
    if (await event.manager.existsBy(Contract, { id: p.contractId })) return;
    const r = this.recorded(event);
    await event.manager.insert(Contract, {
      id: p.contractId,
      journeyId: event.envelope.journeyId,
      workerId: p.workerId,
      jobOrderId: p.jobOrderId,
      agencyId: p.agencyId || null,
      origin: p.origin,
      destination: p.destination,
      authoredBy: r.country,
      currentVersion: p.version,
      signingRound: 1,
      status: 'draft',
      openFlags: 0,
      createdBy: r.by,
      createdAt: r.at,
      updatedAt: r.at,
    });
    await event.manager.insert(ContractVersion, {
      contractId: p.contractId,
      version: p.version,
      terms: termsFromMessage(p.terms),
      clauses: clausesFromMessages(p.clauses),
      status: 'draft',
      amendmentReason: null,
      createdByCountry: r.country,
      createdBy: r.by,
      createdAt: r.at,
      verifiedAt: null,
      supersededAt: null,
    });
    await this.recordAudit(event, p.contractId, 'contract.replicate-draft');
  }

  @HandlesEvent(ContractSignedSchema)
  async onSigned(event: ReceivedEventOf<typeof ContractSignedSchema>): Promise<void> {
    const p = event.payload;
    const party = partyFromWire(p.party);
    await this.step(event, p.contractId, p.version, p.round, 'sign', async (manager, contract) => {
      if (!party) return false;
      const next = afterSignature(await progressOf(manager, contract), party);
      await ContractLedger.sign(manager, contract, next, party, p.signedOn, this.recorded(event));
      return true;
    });
  }

  @HandlesEvent(ContractVerifiedSchema)
  async onVerified(event: ReceivedEventOf<typeof ContractVerifiedSchema>): Promise<void> {
    const p = event.payload;
    const side = sideFromWire(p.side);
    await this.step(event, p.contractId, p.version, p.round, 'verify', async (manager, contract) => {
      if (!side) return false;
      const next = afterVerification(await progressOf(manager, contract), side);
      await ContractLedger.verify(manager, contract, next, side, this.recorded(event));
      return true;
    });
  }

  @HandlesEvent(ContractRejectedSchema)
  async onRejected(event: ReceivedEventOf<typeof ContractRejectedSchema>): Promise<void> {
    const p = event.payload;
    const side = sideFromWire(p.side);
    await this.step(event, p.contractId, p.version, p.round, 'reject', async (manager, contract) => {
      if (!side) return false;
      afterRejection(contract);
      await ContractLedger.reject(manager, contract, side, p.reason, this.recorded(event));
      return true;
    });
  }

  @HandlesEvent(ContractAmendedSchema)
  async onAmended(event: ReceivedEventOf<typeof ContractAmendedSchema>): Promise<void> {
    const p = event.payload;
    await this.step(event, p.contractId, p.previousVersion, undefined, 'amend', async (manager, contract) => {
      afterAmendment(contract);
      await ContractLedger.amend(manager, contract, p.version, termsFromMessage(p.terms), clausesFromMessages(p.clauses), p.reason, this.recorded(event));
      return true;
    });
  }

  @HandlesEvent(ContractRegisteredAtDestinationSchema)
  async onRegistered(event: ReceivedEventOf<typeof ContractRegisteredAtDestinationSchema>): Promise<void> {
    const p = event.payload;
    await this.step(event, p.contractId, undefined, undefined, 'register', async (manager, contract) => {
      if (await manager.existsBy(ContractRegistration, { id: p.registrationId })) return false;
      await ContractLedger.register(manager, contract, p.registrationId, p.verifiedVersion, p.registeredOn, termsFromMessage(p.terms), this.recorded(event));
      return true;
    });
  }

  @HandlesEvent(ContractSubstitutionDetectedSchema)
  async onSubstitutionDetected(event: ReceivedEventOf<typeof ContractSubstitutionDetectedSchema>): Promise<void> {
    const p = event.payload;
    await this.step(event, p.contractId, undefined, undefined, 'flag', async (manager, contract) => {
      if (await manager.existsBy(SubstitutionFlag, { id: p.flagId })) return false;
      await ContractLedger.flag(
        manager,
        contract,
        {
          id: p.flagId,
          source: SUBSTITUTION_SOURCES.includes(p.source as SubstitutionSource) ? (p.source as SubstitutionSource) : 'destination-registration',
          verifiedVersion: p.verifiedVersion,
          comparedVersion: p.comparedVersion || null,
          registrationId: p.registrationId || null,
          changedTerms: p.changedTerms.map((t) => ({ term: t.term, verifiedValue: t.verifiedValue, newValue: t.newValue, whyWorse: t.whyWorse })),
          blocksDeparture: p.blocksDeparture,
        },
        this.recorded(event),
      );
      return true;
    });
  }

  @HandlesEvent(ContractSubstitutionResolvedSchema)
  async onSubstitutionResolved(event: ReceivedEventOf<typeof ContractSubstitutionResolvedSchema>): Promise<void> {
    const p = event.payload;
    await this.step(event, p.contractId, undefined, undefined, 'resolve', async (manager, contract) => {
      const flag = await manager.findOneBy(SubstitutionFlag, { id: p.flagId, contractId: contract.id });
      if (!flag) return false;
      SUBSTITUTION_FLAG_LIFECYCLE.next(flag, 'resolve');
      await ContractLedger.resolve(manager, contract, flag, p.decision, p.reason, this.recorded(event));
      return true;
    });
  }

  /**
   * Loads and locks the contract, leaves out stale or no-longer-legal steps (logged, not retried:
   * retrying cannot make them apply), applies the rest and audits it.
   */
  private async step(
    event: ReceivedEvent,
    contractId: string,
    version: number | undefined,
    round: number | undefined,
    what: string,
    apply: (manager: EntityManager, contract: Contract) => Promise<boolean>,
  ): Promise<void> {
    if (this.isOwn(event)) return;
    const contract = await event.manager.findOne(Contract, { where: { id: contractId }, lock: { mode: 'pessimistic_write' } });
    const stale =
      !contract ? 'contract not held here' : version !== undefined && version !== contract.currentVersion ? `version ${version}, current ${contract.currentVersion}` : round !== undefined && round !== contract.signingRound ? `round ${round}, current ${contract.signingRound}` : undefined;
    if (stale || !contract) return logLeftOut(this.logger, event, `${what} of contract ${contractId}: ${stale}`);
    try {
      if (!(await apply(event.manager, contract))) return;
    } catch (error) {
      // The state machine (or a rule on top of it) refused the step: the same problem the use case answers with.
      if (error instanceof ProblemError) return logLeftOut(this.logger, event, error.detail);
      throw error;
    }
    await this.recordAudit(event, contractId, `contract.replicate-${what}`);
  }


  private recorded(event: ReceivedEvent): Recorded {
    const by = event.envelope.recordedBy;
    return { id: event.envelope.eventId, country: by?.country ?? '', by: by?.officerId || 'unknown', at: occurredAt(event.envelope) };
  }

  private recordAudit(event: ReceivedEvent, contractId: string, action: string): Promise<unknown> {
    return this.audit.recordReplicated(event.manager, { replica: 'contract-replica', country: this.config.country, event: event.envelope, action, targetType: 'contract', targetId: contractId });
  }
}
