import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { ContractParty, ContractSide, buildEvent, type EventRecorder, type EventToBuild, type OutboxEvent } from '@corridor/events';
import type { ContractSideName, SigningParty } from './contract-state';
import type { Contract } from './contract.entity';

/**
 * Every contract event crosses the corridor, keyed by the worker's journey: both countries hold
 * the same contract and both journey timelines show it. Built by the one event builder.
 */
export function contractEvent<Desc extends DescMessage>(
  contract: Pick<Contract, 'journeyId' | 'origin' | 'destination'>,
  by: EventRecorder,
  schema: Desc,
  payload: MessageShape<Desc>,
  occurredAt = new Date(),
  causedBy?: EventToBuild<Desc>['causedBy'],
): OutboxEvent {
  return buildEvent({ stage: 'contracts', by, journeyId: contract.journeyId, corridor: { origin: contract.origin, destination: contract.destination }, schema, payload, occurredAt, causedBy });
}

export const PARTY_ON_THE_WIRE: Record<SigningParty, ContractParty> = { worker: ContractParty.WORKER, employer: ContractParty.EMPLOYER };
export const SIDE_ON_THE_WIRE: Record<ContractSideName, ContractSide> = { origin: ContractSide.ORIGIN, destination: ContractSide.DESTINATION };

export function partyFromWire(party: ContractParty): SigningParty | undefined {
  return party === ContractParty.WORKER ? 'worker' : party === ContractParty.EMPLOYER ? 'employer' : undefined;
}

export function sideFromWire(side: ContractSide): ContractSideName | undefined {
  return side === ContractSide.ORIGIN ? 'origin' : side === ContractSide.DESTINATION ? 'destination' : undefined;
}
