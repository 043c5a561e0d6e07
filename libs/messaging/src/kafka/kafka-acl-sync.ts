import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type Admin } from 'kafkajs';
import type { CorridorAcl } from './kafka-acls';

// The principals whose bindings are derived (and so kept exactly as derived): the nodes and MirrorMaker.
const NODE_PRINCIPAL = /^User:(node-|mirror-maker$)/;

function toBinding(acl: CorridorAcl) {
  return {
    resourceType: AclResourceTypes[acl.resourceType],
    resourceName: acl.prefix,
    resourcePatternType: ResourcePatternTypes.PREFIXED,
    principal: acl.principal,
    host: '*',
    operation: AclOperationTypes[acl.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

type Binding = ReturnType<typeof toBinding>;
const keyOf = (b: Binding) => [b.principal, b.resourceType, b.resourceName, b.resourcePatternType, b.host, b.operation, b.permissionType].join('|');

/**
 * Makes the cluster's ACLs for node principals (User:node-*, and User:mirror-maker) exactly `desired`: creates the
 * missing bindings and deletes the ones no longer derived (a closed corridor). ACLs of other
 * principals are left alone. Needs a super user's connection.
 */
export async function syncCorridorAcls(admin: Admin, desired: CorridorAcl[]): Promise<{ created: number; deleted: number; total: number }> {
  const described = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  const existing = new Map<string, Binding>();
  for (const resource of described.resources) {
    for (const acl of resource.acls) {
      if (!NODE_PRINCIPAL.test(acl.principal)) continue;
      const binding = {
        resourceType: resource.resourceType,
        resourceName: resource.resourceName,
        resourcePatternType: resource.resourcePatternType,
        principal: acl.principal,
        host: acl.host,
        operation: acl.operation,
        permissionType: acl.permissionType,
      } as Binding;
      existing.set(keyOf(binding), binding);
    }
  }
  const wanted = new Map(desired.map((acl) => [keyOf(toBinding(acl)), toBinding(acl)]));
  const missing = [...wanted].filter(([key]) => !existing.has(key)).map(([, b]) => b);
  const stale = [...existing].filter(([key]) => !wanted.has(key)).map(([, b]) => b);
  if (missing.length) await admin.createAcls({ acl: missing });
  if (stale.length) await admin.deleteAcls({ filters: stale });
  return { created: missing.length, deleted: stale.length, total: wanted.size };
}
