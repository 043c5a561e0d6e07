import { Inject, Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { ResourceOwners, type ResourceOwner } from '@corridor/auth';
import { NODE_CONFIG, type NodeConfig } from '@corridor/config';

/** How to find who owns one kind of object a service keeps as rows of a table with an `id` column. */
export interface RowOwner<E extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<E>;
  /** The owner of a row; `country` is this node's. */
  ownerOf: (row: E, country: string) => ResourceOwner;
}

/** A RowOwner with its row type checked against the entity. */
export function rowOwner<E extends ObjectLiteral>(entity: EntityTarget<E>, ownerOf: (row: E, country: string) => ResourceOwner): RowOwner {
  return { entity, ownerOf } as RowOwner;
}

/**
 * A provider that tells the access guard (ResourceOwners, libs/auth) who owns each kind of object
 * a feature keeps, by resource name: the row is looked up by id when a route names one, and no row
 * means "no such object" (404). One lookup for every service, so they cannot differ in how a
 * missing row or the node's own country is treated.
 *
 * `export const ContractOwners = RowOwners({ contract: rowOwner(Contract, ownerOfContract) });`
 */
export function RowOwners(definitions: Record<string, RowOwner>): Type<OnModuleInit> {
  @Injectable()
  class RowOwnersProvider implements OnModuleInit {
    constructor(
      private readonly owners: ResourceOwners,
      private readonly dataSource: DataSource,
      @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    ) {}

    onModuleInit(): void {
      for (const [resource, { entity, ownerOf }] of Object.entries(definitions)) {
        this.owners.define(resource, async (id) => {
          const row = await this.dataSource.getRepository(entity).findOne({ where: { id } as never });
          return row ? ownerOf(row, this.config.country) : undefined;
        });
      }
    }
  }
  return RowOwnersProvider;
}
