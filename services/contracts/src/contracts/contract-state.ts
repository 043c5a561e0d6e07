import { defineStateMachine } from '@corridor/state-machine';
import { PartyAlreadySigned, SideAlreadyVerified } from './contracts.errors';

export const CONTRACT_STATUSES = ['draft', 'signed', 'partly-verified', 'verified'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export type ContractAction = 'sign' | 'verify' | 'reject' | 'amend' | 'register-at-destination';
export type SigningParty = 'worker' | 'employer';
export type ContractSideName = 'origin' | 'destination';

/**
 * The contract's state machine, per version; the use cases on one node and the replica projector
 * on the other apply it:
 *
 *   draft --sign (worker and employer)--> signed --verify (one side)--> partly-verified
 *         --verify (other side)--> verified --amend--> (new version) draft …
 *   signed | partly-verified --reject (either side, with reason)--> draft (new signing round)
 *   verified --register-at-destination--> verified (terms compared: substitution is flagged)
 */
export const CONTRACT_LIFECYCLE = defineStateMachine<ContractStatus, ContractAction>('contract', {
  draft: { sign: ['draft', 'signed'] },
  signed: { verify: 'partly-verified', reject: 'draft' },
  'partly-verified': { verify: 'verified', reject: 'draft' },
  verified: { amend: 'draft', 'register-at-destination': 'verified' },
});

export interface ContractProgress {
  id: string;
  status: ContractStatus;
  /** Parties who signed in the current round. */
  signedBy: SigningParty[];
  /** Sides that verified in the current round. */
  verifiedBy: ContractSideName[];
}

/** The state after a party signs: Signed once both have. */
export function afterSignature(contract: ContractProgress, party: SigningParty): ContractStatus {
  const refused = CONTRACT_LIFECYCLE.refusal(contract, 'sign');
  if (refused) throw refused;
  if (contract.signedBy.includes(party)) throw new PartyAlreadySigned(contract.id, party, contract.status, contract.signedBy);
  const signed = new Set([...contract.signedBy, party]);
  return CONTRACT_LIFECYCLE.next(contract, 'sign', () => (signed.has('worker') && signed.has('employer') ? 'signed' : 'draft'));
}

/** The state after one side verifies: Verified only when origin and destination both have. */
export function afterVerification(contract: ContractProgress, side: ContractSideName): ContractStatus {
  const next = CONTRACT_LIFECYCLE.next(contract, 'verify');
  if (contract.verifiedBy.includes(side)) throw new SideAlreadyVerified(contract.id, side, contract.status, contract.verifiedBy);
  return next;
}

/** A rejection sends the version back to Draft; its signatures and verifications no longer count. */
export function afterRejection(contract: Pick<ContractProgress, 'id' | 'status'>): ContractStatus {
  return CONTRACT_LIFECYCLE.next(contract, 'reject');
}

/** An amendment opens a new version in Draft; the verified one is kept. */
export function afterAmendment(contract: Pick<ContractProgress, 'id' | 'status'>): ContractStatus {
  return CONTRACT_LIFECYCLE.next(contract, 'amend');
}
