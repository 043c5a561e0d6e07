import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResourceOwners } from '@corridor/auth';
import { ReintegrationCase } from './reintegration-case.entity';

/** A reintegration case belongs to the origin alone: it never crosses the border. */
@Injectable()
export class ReintegrationCaseOwners implements OnModuleInit {
  constructor(
    private readonly owners: ResourceOwners,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.owners.define('reintegration-case', async (id) => {
      const record = await this.dataSource.getRepository(ReintegrationCase).findOneBy({ id });
      return record ? { origin: record.origin, destination: null, sharedWithDestination: false } : undefined;
    });
  }
}
