import type { EntityManager } from 'typeorm';
import { decideAccess, grantedSides, type Officer, type Operation, type Role } from '@corridor/auth';
import type { NodeConfig } from '@corridor/config';
import { ForbiddenForSide, NotFoundProblem } from '@corridor/http';
import { ownerOfContract } from './contract-owner';
import type { ContractSideName } from './contract-state';
import { Contract } from './contract.entity';
/** Which end of the contract's corridor this node is. */
export function sideOfNode(config: Pick<NodeConfig, 'country'>, contract: Pick<Contract, 'origin' | 'destination'>): ContractSideName {
  return contract.origin === config.country ? 'origin' : 'destination';
}

/** The role that acts for a side: the origin labour ministry, the destination authority. */
export const SIDE_ROLE: Record<ContractSideName, Role> = { origin: 'ministry-officer', destination: 'destination-officer' };

/**
 * A contract as this officer may know it: agencies see only contracts of their own workers (else
 * 404, existence is not disclosed); the node holds only contracts of its corridors.
 */
export async function findContractFor(manager: EntityManager, officer: Officer, contractId: string, lock = false): Promise<Contract> {
  const contract = await manager.findOne(Contract, { where: { id: contractId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!contract || !decideAccess(officer, 'contract.read', officer.country, ownerOfContract(contract)).allowed) throw new NotFoundProblem('contract', contractId);
  return contract;
}

/**
 * This node acts for its side of the corridor only, and only through a role the access model
 * grants that side for the operation (agency staff at origin for drafting and signing).
 */
export function assertActsForSide(officer: Officer, side: ContractSideName, operation: Operation): void {
  if (grantedSides(officer, operation).includes(side)) return;
  const agencyToo = side === 'origin' && (operation === 'contract.draft' || operation === 'contract.sign');
  throw new ForbiddenForSide(operation, side, `it needs the ${SIDE_ROLE[side]} role${agencyToo ? ' (or agency-staff for its own worker)' : ''}`, { requiredRole: SIDE_ROLE[side] });
}

/**
 * The node acts only for its own end of the contract's corridor: a step of the other end is
 * written here only from its event.
 */
export function assertNodeIsSide(config: Pick<NodeConfig, 'country'>, contract: Pick<Contract, 'id' | 'origin' | 'destination'>, side: ContractSideName, operation: Operation): void {
  if (sideOfNode(config, contract) === side) return;
  throw new ForbiddenForSide(operation, side, `contract ${contract.id} is handled there by ${contract[side]}, not by ${config.country}`, { sideCountry: contract[side], nodeCountry: config.country });
}
