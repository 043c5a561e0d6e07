import { consumerGroupPrefix, nodePrincipalName } from '@corridor/config';
import { corridorTopicPrefix, countryTopicPrefix } from '@corridor/events';

export type AclResource = 'TOPIC' | 'GROUP';
export type AclOperation = 'READ' | 'WRITE' | 'DESCRIBE' | 'CREATE' | 'DESCRIBE_CONFIGS';

/** One ALLOW binding for any host, on a PREFIXED resource pattern (all Corridor ACLs are of this shape). */
export interface CorridorAcl {
  principal: string;
  resourceType: AclResource;
  /** A prefix: "corridor.kh-th.", "country.kh.", "kh." */
  prefix: string;
  operation: AclOperation;
}

export interface AclInputs {
  /** Every country that runs a node (libs/reference-data NODE_COUNTRIES). */
  countries: readonly string[];
  /** The open corridors (CORRIDORS, e.g. KH>TH,LA>TH). */
  corridors: readonly { origin: string; destination: string }[];
}

/** What a node may do on topics it owns: produce, consume, see them, create them (services create their topics at start). */
const TOPIC_OPERATIONS: readonly AclOperation[] = ['READ', 'WRITE', 'DESCRIBE', 'CREATE'];

/**
 * The whole ACL set of the shared cluster, derived from the node countries and the open corridors
 * (ADR 0007). Per node country C, principal User:node-c:
 * - its internal topics `country.c.` (and their .dlq): READ, WRITE, DESCRIBE, CREATE;
 * - per open corridor with C at either end, `corridor.o-d.` (and their .dlq): the same — both ends
 *   publish on a corridor (ADR 0006: the side that records a step publishes it) and consume it,
 *   and a consumer parks failed records in `<topic>.dlq`, which shares the prefix;
 * - its consumer groups `c.` (group ids are built by consumerGroupId): READ (DESCRIBE is implied).
 * Nothing else: no DELETE or ALTER on any topic, nothing on the cluster, no transactional ids
 * (the producers are idempotent, which needs only WRITE since Kafka 3.0, KIP-679). What is not
 * granted is refused (allow.everyone.if.no.acl.found=false); admin and broker are super users.
 * Sorted and free of duplicates, so two derivations compare equal.
 */
export function deriveCorridorAcls(inputs: AclInputs): CorridorAcl[] {
  const acls: CorridorAcl[] = [];
  const countries = new Set(inputs.countries);
  for (const country of countries) {
    const principal = `User:${nodePrincipalName(country)}`;
    const topicPrefixes = [
      countryTopicPrefix(country),
      ...inputs.corridors.filter((c) => c.origin === country || c.destination === country).map((c) => corridorTopicPrefix(c.origin, c.destination)),
    ];
    for (const prefix of topicPrefixes) {
      for (const operation of TOPIC_OPERATIONS) acls.push({ principal, resourceType: 'TOPIC', prefix, operation });
    }
    acls.push({ principal, resourceType: 'GROUP', prefix: consumerGroupPrefix(country), operation: 'READ' });
  }
  for (const corridor of inputs.corridors) {
    for (const end of [corridor.origin, corridor.destination]) {
      if (!countries.has(end)) throw new Error(`corridor ${corridor.origin}>${corridor.destination}: ${end} is not a node country`);
    }
  }
  const key = (a: CorridorAcl) => `${a.principal}|${a.resourceType}|${a.prefix}|${a.operation}`;
  return [...new Map(acls.map((a) => [key(a), a])).values()].sort((a, b) => key(a).localeCompare(key(b)));
}

/** MirrorMaker 2's own principal on the national clusters (ADR 0022). */
export const MIRROR_MAKER_PRINCIPAL = 'mirror-maker';

/**
 * What MirrorMaker 2 (dedicated mode, IdentityReplicationPolicy) needs on each of two national
 * clusters linking `corridor` (ADR 0022), principal User:mirror-maker:
 * - the corridor's topics `corridor.o-d.`: READ (source side), WRITE and CREATE (target side),
 *   DESCRIBE and DESCRIBE_CONFIGS (it lists them and reads their partition count and configs);
 * - its own internal topics: `mm2-` (Connect's configs, offsets and status per flow, and the
 *   offset syncs) and `<alias>.checkpoints.internal`, where Connect also checks the cleanup
 *   policy (DESCRIBE_CONFIGS);
 * - groups: its Connect workers' `<alias>-mm2` and the nodes' groups `<cc>.` (it reads their
 *   offsets on the source and writes the translated ones on the target).
 * Never a country's internal topics (`country.<cc>.`): MirrorMaker cannot read them even if its
 * topic filter were wrong.
 */
export function deriveMirrorMakerAcls(corridor: { origin: string; destination: string }): CorridorAcl[] {
  const principal = `User:${MIRROR_MAKER_PRINCIPAL}`;
  const ends = [corridor.origin, corridor.destination];
  const aliases = ends.map((c) => consumerGroupPrefix(c).slice(0, -1));
  const topicPrefixes = [corridorTopicPrefix(corridor.origin, corridor.destination), 'mm2-', ...aliases.map((a) => `${a}.checkpoints.internal`)];
  const acls: CorridorAcl[] = [];
  for (const prefix of topicPrefixes) {
    for (const operation of [...TOPIC_OPERATIONS, 'DESCRIBE_CONFIGS'] as AclOperation[]) acls.push({ principal, resourceType: 'TOPIC', prefix, operation });
  }
  for (const prefix of [...ends.map(consumerGroupPrefix), ...aliases.map((a) => `${a}-mm2`)]) {
    for (const operation of ['READ', 'DESCRIBE'] as AclOperation[]) acls.push({ principal, resourceType: 'GROUP', prefix, operation });
  }
  const key = (a: CorridorAcl) => `${a.resourceType}|${a.prefix}|${a.operation}`;
  return acls.sort((x, y) => key(x).localeCompare(key(y)));
}
