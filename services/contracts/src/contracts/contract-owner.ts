import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResourceOwners, type ResourceOwner } from '@corridor/auth';
import { Contract } from './contract.entity';

/** A contract belongs to its corridor (both ends see it) and to the agency that matched the worker. */
export function ownerOfContract(contract: Pick<Contract, 'origin' | 'destination' | 'agencyId'>): ResourceOwner {
  return { origin: contract.origin, destination: contract.destination, sharedWithDestination: true, agencyId: contract.agencyId ?? null };
}

@Injectable()
export class ContractOwners implements OnModuleInit {
  constructor(
    private readonly owners: ResourceOwners,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.owners.define('contract', async (id) => {
      const contract = await this.dataSource.getRepository(Contract).findOneBy({ id });
      return contract ? ownerOfContract(contract) : undefined;
    });
  }
}
