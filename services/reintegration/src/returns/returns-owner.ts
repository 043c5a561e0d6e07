import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResourceOwners } from '@corridor/auth';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { MassReturnBatch } from './mass-return-batch.entity';
import { ReturnRecord } from './return-record.entity';

/** A return belongs to its journey's corridor (both ends saw it cross); a mass-return list to the node that took it. */
@Injectable()
export class ReturnOwners implements OnModuleInit {
  constructor(
    private readonly owners: ResourceOwners,
    private readonly dataSource: DataSource,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  onModuleInit(): void {
    this.owners.define('return', async (id) => {
      const r = await this.dataSource.getRepository(ReturnRecord).findOneBy({ id });
      return r ? { origin: r.origin, destination: r.destination, sharedWithDestination: r.destination !== null } : undefined;
    });
    this.owners.define('mass-return', async (id) => {
      const found = await this.dataSource.getRepository(MassReturnBatch).exists({ where: { id } });
      return found ? { origin: this.config.country, destination: null, sharedWithDestination: false } : undefined;
    });
  }
}
