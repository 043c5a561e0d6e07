import { isCalendarDate, isoDay as isoDayOf } from '@corridor/reference-data';
import { ForbiddenException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Officer, Role } from '@corridor/auth';
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

/** An agency acts only on contracts of the workers it matched; everyone else by role and side. */
function isAgencyOnly(officer: Officer): boolean {
  return officer.roles.includes('agency-staff') && !officer.roles.some((r) => r === 'ministry-officer' || r === 'destination-officer' || r === 'admin');
}

/**
 * A contract as this officer may know it: agencies see only contracts of their own workers (else
 * 404, existence is not disclosed); the node holds only contracts of its corridors.
 */
export async function findContractFor(manager: EntityManager, officer: Officer, contractId: string, lock = false): Promise<Contract> {
  const contract = await manager.findOne(Contract, { where: { id: contractId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!contract) throw new ContractNotFound(contractId);
  if (isAgencyOnly(officer) && contract.agencyId !== officer.agencyId) throw new ContractNotFound(contractId);
  return contract;
}

/**
 * This node acts for its side of the corridor only, and only through the role of that side (an
 * agency may also act at origin for its own workers where `agencyMay` says so).
 */
export function assertActsForSide(officer: Officer, side: ContractSideName, action: string, agencyMay = false): void {
  const role = SIDE_ROLE[side];
  if (officer.roles.includes(role)) return;
  if (agencyMay && side === 'origin' && officer.roles.includes('agency-staff')) return;
  throw new ForbiddenException(`"${action}" on the ${side} side needs the ${role} role${agencyMay && side === 'origin' ? ' (or agency-staff for its own worker)' : ''}`);
}

export function assertNotInFuture(field: string, isoDay: string, today = new Date()): void {
  if (!isCalendarDate(isoDay)) {
    throw new UnprocessableProblem(`${field} ${isoDay} is not a calendar date`, { field });
  }
  if (isoDay > isoDayOf(today)) throw new DateInTheFuture(`${field} ${isoDay} is in the future`, { field });
}
