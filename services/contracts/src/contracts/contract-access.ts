import { isCalendarDate, isInTheFuture } from '@corridor/reference-data';
import { ForbiddenException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { decideAccess, grantedSides, type Officer, type Operation, type Role } from '@corridor/auth';
import { ownerOfContract } from './contract-owner';
import type { NodeConfig } from '@corridor/config';
import { NotFoundProblem, UnprocessableProblem } from '@corridor/http';
import type { ContractSideName } from './contract-state';
import { Contract } from './contract.entities';

export class ContractNotFound extends NotFoundProblem {
  constructor(contractId: string) {
    super(`contract ${contractId} not found`);
  }
}

export class DateInTheFuture extends UnprocessableProblem {}

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
  if (!contract || !decideAccess(officer, 'contract.read', officer.country, ownerOfContract(contract)).allowed) throw new ContractNotFound(contractId);
  return contract;
}

/**
 * This node acts for its side of the corridor only, and only through a role the access model
 * grants that side for the operation (agency staff at origin for drafting and signing).
 */
export function assertActsForSide(officer: Officer, side: ContractSideName, operation: Operation): void {
  if (grantedSides(officer, operation).includes(side)) return;
  throw new ForbiddenException(`"${operation}" on the ${side} side needs the ${SIDE_ROLE[side]} role${side === 'origin' && (operation === 'contract.draft' || operation === 'contract.sign') ? ' (or agency-staff for its own worker)' : ''}`);
}

export function assertNotInFuture(field: string, isoDay: string, today = new Date()): void {
  if (!isCalendarDate(isoDay)) {
    throw new UnprocessableProblem(`${field} ${isoDay} is not a calendar date`, { field });
  }
  if (isInTheFuture(isoDay, today)) throw new DateInTheFuture(`${field} ${isoDay} is in the future`, { field });
}
