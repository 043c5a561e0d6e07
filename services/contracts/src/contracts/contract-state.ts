import { ConflictProblem, IllegalTransitionProblem } from '@corridor/http';

export const CONTRACT_STATUSES = ['draft', 'signed', 'partly-verified', 'verified'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export type ContractAction = 'sign' | 'verify' | 'reject' | 'amend' | 'register-at-destination';
export type SigningParty = 'worker' | 'employer';
export type ContractSideName = 'origin' | 'destination';

/**
 * The contract's state machine, per version:
 *
 *   draft --sign (worker and employer)--> signed --verify (one side)--> partly-verified
 *         --verify (other side)--> verified --amend--> (new version) draft …
 *   signed | partly-verified --reject (either side, with reason)--> draft (new signing round)
 *   verified --register-at-destination--> verified (terms compared: substitution is flagged)
 */
export const CONTRACT_TRANSITIONS: Record<ContractStatus, ContractAction[]> = {
  draft: ['sign'],
  signed: ['verify', 'reject'],
  'partly-verified': ['verify', 'reject'],
  verified: ['amend', 'register-at-destination'],
};

export interface ContractProgress {
  id: string;
  status: ContractStatus;
  /** Parties who signed in the current round. */
  signedBy: SigningParty[];
  /** Sides that verified in the current round. */
  verifiedBy: ContractSideName[];
}

export class AlreadySigned extends ConflictProblem {}
export class AlreadyVerified extends ConflictProblem {}

export function allowedContractActions(status: ContractStatus): ContractAction[] {
  return CONTRACT_TRANSITIONS[status];
}

export function assertContractAction(contract: Pick<ContractProgress, 'id' | 'status'>, action: ContractAction): void {
  if (!CONTRACT_TRANSITIONS[contract.status].includes(action)) {
    throw new IllegalTransitionProblem(`contract ${contract.id}`, contract.status, action, allowedContractActions(contract.status));
  }
}

/** The state after a party signs: Signed once both have. */
export function afterSignature(contract: ContractProgress, party: SigningParty): ContractStatus {
  assertContractAction(contract, 'sign');
  if (contract.signedBy.includes(party)) {
    throw new AlreadySigned(`the ${party} already signed contract ${contract.id} in this round`, { currentState: contract.status, signedBy: contract.signedBy });
  }
  const signed = new Set([...contract.signedBy, party]);
  return signed.has('worker') && signed.has('employer') ? 'signed' : 'draft';
}

/** The state after one side verifies: Verified only when origin and destination both have. */
export function afterVerification(contract: ContractProgress, side: ContractSideName): ContractStatus {
  assertContractAction(contract, 'verify');
  if (contract.verifiedBy.includes(side)) {
    throw new AlreadyVerified(`the ${side} side already verified contract ${contract.id}; waiting for the other side`, { currentState: contract.status, verifiedBy: contract.verifiedBy });
  }
  const verified = new Set([...contract.verifiedBy, side]);
  return verified.has('origin') && verified.has('destination') ? 'verified' : 'partly-verified';
}

/** A rejection sends the version back to Draft; its signatures and verifications no longer count. */
export function afterRejection(contract: Pick<ContractProgress, 'id' | 'status'>): ContractStatus {
  assertContractAction(contract, 'reject');
  return 'draft';
}

/** An amendment opens a new version in Draft; the verified one is kept. */
export function afterAmendment(contract: Pick<ContractProgress, 'id' | 'status'>): ContractStatus {
  assertContractAction(contract, 'amend');
  return 'draft';
}
