import { Injectable } from '@nestjs/common';
import type { ResourceOwner } from './access-model';

export type OwnerLookup = (id: string) => Promise<ResourceOwner | null | undefined>;

/**
 * Where each service tells the access guard who owns its objects: one lookup per resource kind,
 * registered by the feature module that holds the table (`owners.define('worker', …)`).
 */
@Injectable()
export class ResourceOwners {
  private readonly lookups = new Map<string, OwnerLookup>();

  define(resource: string, lookup: OwnerLookup): void {
    if (this.lookups.has(resource)) throw new Error(`the owner of "${resource}" is defined twice`);
    this.lookups.set(resource, lookup);
  }

  /** The owner of the object, or undefined when there is no such object. */
  async ownerOf(resource: string, id: string): Promise<ResourceOwner | undefined> {
    const lookup = this.lookups.get(resource);
    // A route declaring a resource nobody defined is a bug in the service, not a request problem.
    if (!lookup) throw new Error(`no owner lookup is defined for resource "${resource}"`);
    return (await lookup(id)) ?? undefined;
  }

  get resources(): string[] {
    return [...this.lookups.keys()];
  }
}
