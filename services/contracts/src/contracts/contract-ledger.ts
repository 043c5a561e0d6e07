import type { EntityManager } from 'typeorm';
import type { ContractSideName, ContractStatus, SigningParty } from './contract-state';
import type { ContractClause, ContractTerms } from './contract-terms';
import { ContractRegistration } from './contract-registration.entity';
import { ContractStep } from './contract-step.entity';
import { ContractVersion } from './contract-version.entity';
import { Contract } from './contract.entity';
import { SubstitutionFlag, type SubstitutionSource } from './substitution-flag.entity';
import type { WorseTerm } from './substitution-detector';

/** Who recorded a change, and when: from the officer here, from the envelope on the other node. */
export interface Recorded {
  /** The event's id: steps, registrations and flags take it (or their own id) so a replay is a no-op. */
  id: string;
  country: string;
  by: string;
  at: Date;
}

/**
 * The writes that move a contract, shared by the use cases on the node where an officer acts and
 * by the replica projector on the other node, so that both hold the same rows. Callers check the
 * rules first (state machine, roles, staleness).
 */
export const ContractLedger = {
  async sign(manager: EntityManager, contract: Contract, next: ContractStatus, party: SigningParty, signedOn: string, recorded: Recorded): Promise<void> {
    await insertStep(manager, contract, recorded, { kind: 'signature', party, signedOn });
    await setStatus(manager, contract, next, recorded.at);
  },

  async verify(manager: EntityManager, contract: Contract, next: ContractStatus, side: ContractSideName, recorded: Recorded): Promise<void> {
    await insertStep(manager, contract, recorded, { kind: 'verification', side });
    await setStatus(manager, contract, next, recorded.at);
    if (next === 'verified') {
      await manager.update(ContractVersion, { contractId: contract.id, version: contract.currentVersion }, { verifiedAt: recorded.at });
    }
  },

  /** Back to Draft in a new signing round: the rejected round's steps stay, they just no longer count. */
  async reject(manager: EntityManager, contract: Contract, side: ContractSideName, reason: string, recorded: Recorded): Promise<void> {
    await insertStep(manager, contract, recorded, { kind: 'rejection', side, reason });
    contract.signingRound += 1;
    await manager.update(Contract, { id: contract.id }, { signingRound: contract.signingRound });
    await setStatus(manager, contract, 'draft', recorded.at);
  },

  /** A new version in Draft; the previous (verified) one is kept, marked superseded. */
  async amend(manager: EntityManager, contract: Contract, version: number, terms: ContractTerms, clauses: ContractClause[], reason: string, recorded: Recorded): Promise<void> {
    await manager.update(ContractVersion, { contractId: contract.id, version: contract.currentVersion }, { supersededAt: recorded.at });
    await manager.insert(ContractVersion, {
      contractId: contract.id,
      version,
      terms,
      clauses,
      status: 'draft',
      amendmentReason: reason,
      createdByCountry: recorded.country,
      createdBy: recorded.by,
      createdAt: recorded.at,
      verifiedAt: null,
      supersededAt: null,
    });
    contract.currentVersion = version;
    contract.signingRound = 1;
    await manager.update(Contract, { id: contract.id }, { currentVersion: version, signingRound: 1 });
    await setStatus(manager, contract, 'draft', recorded.at);
  },

  async register(manager: EntityManager, contract: Contract, registrationId: string, verifiedVersion: number, registeredOn: string, terms: ContractTerms, recorded: Recorded): Promise<void> {
    await manager.insert(ContractRegistration, {
      id: registrationId,
      contractId: contract.id,
      verifiedVersion,
      registeredOn,
      terms,
      recordedByCountry: recorded.country,
      recordedBy: recorded.by,
      recordedAt: recorded.at,
    });
  },

  async flag(
    manager: EntityManager,
    contract: Contract,
    flag: { id: string; source: SubstitutionSource; verifiedVersion: number; comparedVersion: number | null; registrationId: string | null; changedTerms: WorseTerm[]; blocksDeparture: boolean },
    recorded: Recorded,
  ): Promise<void> {
    await manager.insert(SubstitutionFlag, {
      ...flag,
      contractId: contract.id,
      journeyId: contract.journeyId,
      status: 'open',
      decision: null,
      resolutionReason: null,
      raisedByCountry: recorded.country,
      raisedAt: recorded.at,
      resolvedBy: null,
      resolvedAt: null,
    });
    contract.openFlags += 1;
    await manager.update(Contract, { id: contract.id }, { openFlags: contract.openFlags, updatedAt: recorded.at });
  },

  async resolve(manager: EntityManager, contract: Contract, flag: SubstitutionFlag, decision: string, reason: string, recorded: Recorded): Promise<void> {
    await manager.update(SubstitutionFlag, { id: flag.id }, { status: 'resolved', decision, resolutionReason: reason, resolvedBy: `${recorded.country}:${recorded.by}`, resolvedAt: recorded.at });
    contract.openFlags = Math.max(0, contract.openFlags - 1);
    await manager.update(Contract, { id: contract.id }, { openFlags: contract.openFlags, updatedAt: recorded.at });
  },
};

async function insertStep(manager: EntityManager, contract: Contract, recorded: Recorded, step: Partial<ContractStep>): Promise<void> {
  await manager.insert(ContractStep, {
    id: recorded.id,
    contractId: contract.id,
    version: contract.currentVersion,
    signingRound: contract.signingRound,
    party: null,
    side: null,
    signedOn: null,
    reason: null,
    ...step,
    recordedByCountry: recorded.country,
    recordedBy: recorded.by,
    recordedAt: recorded.at,
  } as ContractStep);
}

async function setStatus(manager: EntityManager, contract: Contract, status: ContractStatus, at: Date): Promise<void> {
  contract.status = status;
  contract.updatedAt = at;
  await manager.update(Contract, { id: contract.id }, { status, updatedAt: at });
  await manager.update(ContractVersion, { contractId: contract.id, version: contract.currentVersion }, { status });
}
