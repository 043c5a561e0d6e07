import type { ResourceOwner } from '@corridor/auth';
import { RowOwners, rowOwner } from '@corridor/service-runtime';
import { Contract } from './contract.entity';

/** A contract belongs to its corridor (both ends see it) and to the agency that matched the worker. */
export function ownerOfContract(contract: Pick<Contract, 'origin' | 'destination' | 'agencyId'>): ResourceOwner {
  return { origin: contract.origin, destination: contract.destination, sharedWithDestination: true, agencyId: contract.agencyId ?? null };
}

export const ContractOwners = RowOwners({ contract: rowOwner(Contract, ownerOfContract) });
