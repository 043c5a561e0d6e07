import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { CorridorView, MoneyView } from '@corridor/http';
import { SUBSTITUTION_FLAG_LIFECYCLE, type SubstitutionFlagStatus } from '@corridor/state-machine';
import { CONTRACT_LIFECYCLE, type ContractAction, type ContractProgress, type ContractSideName, type ContractStatus, type SigningParty } from './contract-state';
import {
  ACCOMMODATION,
  PAY_PERIODS,
  RETURN_JOURNEY_PAYERS,
  type Accommodation,
  type AllowedDeduction,
  type ContractClause,
  type ContractTerms,
  type PayPeriod,
  type ReturnJourneyPayer,
} from './contract-terms';
import { SUBSTITUTION_DECISIONS } from './contract.commands';
import { ContractStep, type ContractStepKind } from './contract-step.entity';
import { ContractVersion } from './contract-version.entity';
import { Contract } from './contract.entity';
import { SUBSTITUTION_SOURCES, SubstitutionFlag, type SubstitutionSource } from './substitution-flag.entity';
import type { WorseTerm } from './substitution-detector';

/** Who recorded a step or created a version: the node's country and the officer. */
export class RecordedByView {
  @ApiProperty({ example: 'KH' })
  country: string;

  @ApiProperty({ example: 'officer-kh-1' })
  officer: string;
}

export class AllowedDeductionView implements AllowedDeduction {
  @ApiProperty({ example: 'Social security contribution' })
  purpose: string;

  @ApiProperty({ example: 75000, description: 'Cap per pay period, in minor units of the wage currency' })
  capAmountMinor: number;
}

/** The core terms of the regional standard employment contract. */
export class ContractTermsView implements ContractTerms {
  @ApiProperty({ example: 'Siam Frozen Foods Co., Ltd.' })
  employerName: string;

  @ApiProperty({ example: '0105548012345' })
  employerRegistrationNumber: string;

  @ApiProperty({ example: 'Samut Sakhon' })
  workplaceProvince: string;

  @ApiProperty({ example: '9329', description: 'ISCO-08' })
  occupationIsco: string;

  @ApiProperty({ type: MoneyView })
  wage: MoneyView;

  @ApiProperty({ enum: PAY_PERIODS })
  payPeriod: PayPeriod;

  @ApiProperty({ example: 8 })
  hoursPerDay: number;

  @ApiProperty({ example: 1 })
  restDaysPerWeek: number;

  @ApiProperty({ example: 150 })
  overtimeRatePercent: number;

  @ApiProperty({ example: 24 })
  contractMonths: number;

  @ApiProperty({ enum: ACCOMMODATION })
  accommodation: Accommodation;

  @ApiProperty({ type: [AllowedDeductionView] })
  deductions: AllowedDeductionView[];

  @ApiProperty({ enum: RETURN_JOURNEY_PAYERS })
  returnJourneyPaidBy: ReturnJourneyPayer;

  @ApiProperty({ example: 30 })
  probationDays: number;
}

export class ContractClauseView implements ContractClause {
  @ApiProperty({ example: 'Annual leave' })
  title: string;

  @ApiProperty({ example: 'Six paid working days of leave after one year of service.' })
  text: string;
}

/** A signature, verification or rejection of one signing round. */
export class StepView {
  @ApiProperty({ enum: ['signature', 'verification', 'rejection'] })
  kind: ContractStepKind;

  @ApiPropertyOptional({ enum: ['worker', 'employer'], description: 'Signatures only' })
  party?: SigningParty;

  @ApiPropertyOptional({ enum: ['origin', 'destination'], description: 'Verifications and rejections only' })
  side?: ContractSideName;

  @ApiPropertyOptional({ example: '2026-11-24', format: 'date', description: 'Signatures only' })
  signedOn?: string;

  @ApiPropertyOptional({ description: 'Rejections only' })
  reason?: string;

  @ApiProperty({ example: 1 })
  round: number;

  @ApiProperty({ type: RecordedByView })
  recordedBy: RecordedByView;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

/** One core term now worse for the worker than in the verified contract. */
export class WorseTermView implements WorseTerm {
  @ApiProperty({ example: 'wage' })
  term: string;

  @ApiProperty({ example: '1040000 THB per month' })
  verifiedValue: string;

  @ApiProperty({ example: '900000 THB per month' })
  newValue: string;

  @ApiProperty({ example: 'lower wage' })
  whyWorse: string;
}

/** A contract-substitution flag: worse terms than the verified contract's. */
export class FlagView {
  @ApiProperty({ format: 'uuid' })
  flagId: string;

  @ApiProperty({ enum: SUBSTITUTION_SOURCES })
  source: SubstitutionSource;

  @ApiProperty({ enum: SUBSTITUTION_FLAG_LIFECYCLE.states })
  status: SubstitutionFlagStatus;

  @ApiProperty({ example: 1 })
  verifiedVersion: number;

  @ApiProperty({ type: Number, nullable: true, description: 'The amended version compared; null for a registration at destination' })
  comparedVersion: number | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  registrationId: string | null;

  @ApiProperty({ type: [WorseTermView] })
  changedTerms: WorseTermView[];

  @ApiProperty()
  blocksDeparture: boolean;

  @ApiProperty({ format: 'date-time' })
  raisedAt: string;

  @ApiProperty({ enum: SUBSTITUTION_DECISIONS, nullable: true })
  decision: string | null;

  @ApiProperty({ type: String, nullable: true })
  resolutionReason: string | null;
}

/** A contract: its current version, the steps of the current signing round, and open flags. */
export class ContractView {
  @ApiProperty({ format: 'uuid' })
  contractId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ format: 'uuid' })
  workerId: string;

  @ApiProperty({ format: 'uuid' })
  jobOrderId: string;

  @ApiProperty({ type: String, nullable: true })
  agencyId: string | null;

  @ApiProperty({ type: CorridorView })
  corridor: CorridorView;

  @ApiProperty({ example: 'KH', description: 'The node that drafted it; the other end holds a replica' })
  authoredBy: string;

  @ApiProperty({ enum: CONTRACT_LIFECYCLE.states })
  status: ContractStatus;

  @ApiProperty({ enum: CONTRACT_LIFECYCLE.actions, isArray: true })
  allowedActions: ContractAction[];

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ example: 1, description: 'Goes up by one when a rejection sends the contract back to draft' })
  signingRound: number;

  @ApiProperty({ type: ContractTermsView })
  terms: ContractTermsView;

  @ApiProperty({ type: [ContractClauseView] })
  clauses: ContractClauseView[];

  @ApiProperty({ type: String, nullable: true })
  amendmentReason: string | null;

  @ApiProperty({ type: [StepView] })
  signatures: StepView[];

  @ApiProperty({ type: [StepView] })
  verifications: StepView[];

  @ApiProperty({ type: [FlagView] })
  openFlags: FlagView[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** The contract after its registration at destination, with the registration and any flag it raised. */
export class RegistrationView extends ContractView {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The substitution flag raised when the registered terms are worse' })
  substitutionFlagId: string | null;
}

/** One version of a contract with all of its steps. */
export class VersionView {
  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ enum: CONTRACT_LIFECYCLE.states })
  status: ContractStatus;

  @ApiProperty({ description: 'The contract\'s current version' })
  current: boolean;

  @ApiProperty({ type: ContractTermsView })
  terms: ContractTermsView;

  @ApiProperty({ type: [ContractClauseView] })
  clauses: ContractClauseView[];

  @ApiProperty({ type: String, nullable: true })
  amendmentReason: string | null;

  @ApiProperty({ type: RecordedByView })
  createdBy: RecordedByView;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  verifiedAt: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  supersededAt: string | null;

  @ApiProperty({ type: [StepView] })
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
