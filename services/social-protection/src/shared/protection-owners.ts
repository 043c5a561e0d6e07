import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { ResourceOwners } from '@corridor/auth';
import { ownerOnCorridor, type OnCorridor } from './journey-corridor';

/**
 * Registers the owner lookup of each kind of object of a feature for the access guard: every
 * social-protection object belongs to its corridor (both ends see it), no agency owns it.
 */
export function corridorOwners(resources: Record<string, EntityTarget<ObjectLiteral & OnCorridor>>) {
  @Injectable()
  class CorridorOwners implements OnModuleInit {
    constructor(
      readonly owners: ResourceOwners,
      readonly dataSource: DataSource,
    ) {}

    onModuleInit(): void {
      for (const [resource, entity] of Object.entries(resources)) {
        this.owners.define(resource, async (id) => {
          const record = await this.dataSource.getRepository(entity).findOne({ where: { id }, select: { origin: true, destination: true } as never });
          return record ? ownerOnCorridor(record) : undefined;
        });
      }
    }
  }
  return CorridorOwners;
}
