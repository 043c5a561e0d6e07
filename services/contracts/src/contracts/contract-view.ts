import type { EntityManager } from 'typeorm';
import { CONTRACT_LIFECYCLE, type ContractProgress, type ContractSideName, type SigningParty } from './contract-state';
import type { ContractClause, ContractTerms } from './contract-terms';
import { Contract, ContractStep, ContractVersion, SubstitutionFlag } from './contract.entities';
import type { WorseTerm } from './substitution-detector';

export interface StepView {
  kind: string;
  party?: SigningParty;
  side?: ContractSideName;
  signedOn?: string;
  reason?: string;
  round: number;
  recordedBy: { country: string; officer: string };
  recordedAt: string;
}

export interface FlagView {
  flagId: string;
  source: string;
  status: string;
  verifiedVersion: number;
  comparedVersion: number | null;
  registrationId: string | null;
  changedTerms: WorseTerm[];
  blocksDeparture: boolean;
  raisedAt: string;
  decision: string | null;
  resolutionReason: string | null;
}

export interface ContractView {
  contractId: string;
  journeyId: string;
  workerId: string;
  jobOrderId: string;
  agencyId: string | null;
  corridor: { origin: string; destination: string };
  authoredBy: string;
  status: string;
  allowedActions: string[];
  version: number;
  signingRound: number;
  terms: ContractTerms;
  clauses: ContractClause[];
  amendmentReason: string | null;
  signatures: StepView[];
  verifications: StepView[];
  openFlags: FlagView[];
  createdAt: string;
  updatedAt: string;
}

export interface VersionView {
  version: number;
  status: string;
  current: boolean;
  terms: ContractTerms;
  clauses: ContractClause[];
  amendmentReason: string | null;
  createdBy: { country: string; officer: string };
  createdAt: string;
  verifiedAt: string | null;
  supersededAt: string | null;
  steps: StepView[];
}

export function stepView(step: ContractStep): StepView {
  return {
    kind: step.kind,
    ...(step.party ? { party: step.party } : {}),
    ...(step.side ? { side: step.side } : {}),
    ...(step.signedOn ? { signedOn: step.signedOn } : {}),
    ...(step.reason ? { reason: step.reason } : {}),
    round: step.signingRound,
    recordedBy: { country: step.recordedByCountry, officer: step.recordedBy },
    recordedAt: step.recordedAt.toISOString(),
  };
}

export function flagView(flag: SubstitutionFlag): FlagView {
  return {
    flagId: flag.id,
    source: flag.source,
    status: flag.status,
    verifiedVersion: flag.verifiedVersion,
    comparedVersion: flag.comparedVersion,
    registrationId: flag.registrationId,
    changedTerms: flag.changedTerms,
    blocksDeparture: flag.blocksDeparture,
    raisedAt: flag.raisedAt.toISOString(),
    decision: flag.decision,
    resolutionReason: flag.resolutionReason,
  };
}

/** Signatures and verifications that count now: those of the current version's current round. */
export async function currentSteps(manager: EntityManager, contract: Contract): Promise<ContractStep[]> {
  return manager.find(ContractStep, {
    where: { contractId: contract.id, version: contract.currentVersion, signingRound: contract.signingRound },
    order: { recordedAt: 'ASC' },
  });
}

export async function progressOf(manager: EntityManager, contract: Contract): Promise<ContractProgress> {
  const steps = await currentSteps(manager, contract);
  return {
    id: contract.id,
    status: contract.status,
    signedBy: steps.filter((s) => s.kind === 'signature' && s.party).map((s) => s.party!),
    verifiedBy: steps.filter((s) => s.kind === 'verification' && s.side).map((s) => s.side!),
  };
}

export async function contractView(manager: EntityManager, contract: Contract): Promise<ContractView> {
  const version = await manager.findOneByOrFail(ContractVersion, { contractId: contract.id, version: contract.currentVersion });
  const steps = await currentSteps(manager, contract);
  const flags = await manager.find(SubstitutionFlag, { where: { contractId: contract.id, status: 'open' }, order: { raisedAt: 'ASC' } });
  return {
    contractId: contract.id,
    journeyId: contract.journeyId,
    workerId: contract.workerId,
    jobOrderId: contract.jobOrderId,
    agencyId: contract.agencyId,
    corridor: { origin: contract.origin, destination: contract.destination },
    authoredBy: contract.authoredBy,
    status: contract.status,
    allowedActions: CONTRACT_LIFECYCLE.allowedActions(contract.status),
    version: contract.currentVersion,
    signingRound: contract.signingRound,
    terms: version.terms,
    clauses: version.clauses,
    amendmentReason: version.amendmentReason,
    signatures: steps.filter((s) => s.kind === 'signature').map(stepView),
    verifications: steps.filter((s) => s.kind === 'verification').map(stepView),
    openFlags: flags.map(flagView),
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}

export async function versionViews(manager: EntityManager, contract: Contract): Promise<VersionView[]> {
  const versions = await manager.find(ContractVersion, { where: { contractId: contract.id }, order: { version: 'ASC' } });
  const steps = await manager.find(ContractStep, { where: { contractId: contract.id }, order: { recordedAt: 'ASC' } });
  return versions.map((v) => ({
    version: v.version,
    status: v.status,
    current: v.version === contract.currentVersion,
    terms: v.terms,
    clauses: v.clauses,
    amendmentReason: v.amendmentReason,
    createdBy: { country: v.createdByCountry, officer: v.createdBy },
    createdAt: v.createdAt.toISOString(),
    verifiedAt: v.verifiedAt?.toISOString() ?? null,
    supersededAt: v.supersededAt?.toISOString() ?? null,
    steps: steps.filter((s) => s.version === v.version).map(stepView),
  }));
}
