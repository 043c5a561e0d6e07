import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import type { Officer } from '@corridor/auth';
import { ContractParty, ContractSide, corridorTopic, encodeEvent, type EncodedEvent } from '@corridor/events';
import type { ContractSideName, SigningParty } from './contract-state';
import type { Contract } from './contract.entities';

/**
 * Every contract event crosses the corridor, keyed by the worker's journey: both countries hold
 * the same contract and both journey timelines show it.
 */
export function contractEvent<Desc extends DescMessage>(
  contract: Pick<Contract, 'journeyId' | 'origin' | 'destination'>,
  officer: Officer,
  schema: Desc,
  payload: MessageShape<Desc>,
  occurredAt = new Date(),
): { topic: string; event: EncodedEvent } {
  return {
    topic: corridorTopic(contract.origin, contract.destination, 'contracts'),
    event: encodeEvent({
      schema,
      journeyId: contract.journeyId,
      corridor: { origin: contract.origin, destination: contract.destination },
      recordedBy: { country: officer.country, agencyId: officer.agencyId, officerId: officer.subject },
      occurredAt,
      payload,
    }),
  };
}

export const PARTY_ON_THE_WIRE: Record<SigningParty, ContractParty> = { worker: ContractParty.WORKER, employer: ContractParty.EMPLOYER };
export const SIDE_ON_THE_WIRE: Record<ContractSideName, ContractSide> = { origin: ContractSide.ORIGIN, destination: ContractSide.DESTINATION };

export function partyFromWire(party: ContractParty): SigningParty | undefined {
  return party === ContractParty.WORKER ? 'worker' : party === ContractParty.EMPLOYER ? 'employer' : undefined;
}

export function sideFromWire(side: ContractSide): ContractSideName | undefined {
  return side === ContractSide.ORIGIN ? 'origin' : side === ContractSide.DESTINATION ? 'destination' : undefined;
}
