/**
 * Identities and ACLs of the dev/test Kafka broker (ADR 0007), called by infra/kafka/broker.sh:
 *
 *   kafka-security.ts credentials <file>   make sure <file> holds a SCRAM password for the broker,
 *                                          the admin and every node country; prints "unchanged",
 *                                          "created" or "regenerated" (the storage must then be
 *                                          formatted again with them)
 *   kafka-security.ts scram-args <file>    prints the --add-scram values for kafka-storage format
 *   kafka-security.ts acls [--list]        makes the cluster's node ACLs what CORRIDORS derives
 *                                          (as the admin principal); --list prints them
 *
 * Env: KAFKA_BROKERS (default 127.0.0.1:$KAFKA_PORT), KAFKA_CREDENTIALS_FILE / KAFKA_DATA_DIR,
 * CORRIDORS (default the nodes' default), KAFKA_MIRROR_MAKER=1 (a national cluster, ADR 0022: a
 * SCRAM identity for MirrorMaker 2 too, and its ACLs for every open corridor).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } from 'kafkajs';
import {
  DEFAULT_CORRIDORS,
  KAFKA_ADMIN_PRINCIPAL,
  KAFKA_BROKER_PRINCIPAL,
  kafkaCredentialsFile,
  kafkaSaslFromFile,
  nodePrincipalName,
  parseCorridors,
  readKafkaCredentials,
  type KafkaCredentialsFile,
} from '@corridor/config';
import { MIRROR_MAKER_PRINCIPAL, deriveCorridorAcls, deriveMirrorMakerAcls, syncCorridorAcls } from '@corridor/messaging';
import { NODE_COUNTRIES } from '@corridor/reference-data';

const PRINCIPALS: Record<string, string> = {
  [KAFKA_BROKER_PRINCIPAL]: KAFKA_BROKER_PRINCIPAL,
  [KAFKA_ADMIN_PRINCIPAL]: KAFKA_ADMIN_PRINCIPAL,
  ...Object.fromEntries(NODE_COUNTRIES.map((country) => [country, nodePrincipalName(country)])),
  ...(process.env.KAFKA_MIRROR_MAKER === '1' ? { [MIRROR_MAKER_PRINCIPAL]: MIRROR_MAKER_PRINCIPAL } : {}),
};

function credentials(file: string): string {
  const existing = readKafkaCredentials(file);
  const complete = existing && Object.entries(PRINCIPALS).every(([key, username]) => existing.principals[key]?.username === username);
  if (complete) return 'unchanged';
  // base64url: no '=' ',' '[' ']' or quotes, so the value is safe in --add-scram and JAAS syntax.
  const fresh: KafkaCredentialsFile = {
    version: 1,
    mechanism: 'SCRAM-SHA-512',
    principals: Object.fromEntries(Object.entries(PRINCIPALS).map(([key, username]) => [key, { username, password: randomBytes(24).toString('base64url') }])),
  };
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return existing ? 'regenerated' : 'created';
}

function scramArgs(file: string): string[] {
  const parsed = readKafkaCredentials(file);
  if (!parsed) throw new Error(`${file} missing`);
  return Object.values(parsed.principals).map((p) => `SCRAM-SHA-512=[name=${p.username},password=${p.password}]`);
}

async function acls(list: boolean): Promise<void> {
  const file = kafkaCredentialsFile();
  const sasl = kafkaSaslFromFile(file, KAFKA_ADMIN_PRINCIPAL);
  if (!sasl) throw new Error(`no admin credentials in ${file}`);
  const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`).split(',');
  const corridorsText = process.env.CORRIDORS ?? DEFAULT_CORRIDORS;
  const corridors = parseCorridors(corridorsText);
  const desired = [
    ...deriveCorridorAcls({ countries: NODE_COUNTRIES, corridors }),
    ...(process.env.KAFKA_MIRROR_MAKER === '1' ? corridors.flatMap((corridor) => deriveMirrorMakerAcls(corridor)) : []),
  ];
  const admin = new Kafka({ clientId: 'corridor-acls', brokers, sasl, logLevel: logLevel.NOTHING, retry: { retries: 5 } }).admin();
  await admin.connect();
  try {
    const result = await syncCorridorAcls(admin, desired);
    console.log(
      `kafka ACLs: ${result.total} bindings for ${NODE_COUNTRIES.length} node principals (corridors ${corridorsText}): created ${result.created}, deleted ${result.deleted}`,
    );
    if (list) {
      const described = await admin.describeAcls({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      });
      // kafkajs's enums are plain objects at runtime (no reverse mapping): name the numbers here.
      const nameOf = (values: object, n: number) => Object.entries(values).find(([, v]) => v === n)?.[0] ?? String(n);
      const rows = described.resources.flatMap((r) =>
        r.acls.map(
          (a) =>
            `${a.principal.padEnd(16)} ${nameOf(AclPermissionTypes, a.permissionType)} ${nameOf(AclOperationTypes, a.operation).padEnd(8)} ${nameOf(AclResourceTypes, r.resourceType).padEnd(5)} ${nameOf(ResourcePatternTypes, r.resourcePatternType)} ${r.resourceName}`,
        ),
      );
      for (const row of rows.sort()) console.log(`  ${row}`);
    }
  } finally {
    await admin.disconnect();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, arg] = argv;
  if (command === 'credentials' && arg) console.log(credentials(arg));
  else if (command === 'scram-args' && arg && existsSync(arg)) console.log(scramArgs(arg).join('\n'));
  else if (command === 'acls') await acls(arg === '--list');
  else throw new Error('usage: kafka-security.ts credentials <file> | scram-args <file> | acls [--list]');
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`kafka-security: ${(error as Error).message}`);
  process.exit(1);
});
