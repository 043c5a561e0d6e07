import Ajv from 'ajv';
import type { K8sObject } from './manifests';

/**
 * Validation of rendered objects: core kinds with kubernetes-models' schemas (the Kubernetes
 * OpenAPI: types, required fields, enums), the Strimzi and CloudNativePG kinds with JSON schemas
 * of the fields used here, strict (an unknown field is an error: a typo fails), and the rules of
 * this platform (ADR 0021): probes on /health, requests and limits, an autoscaler per Deployment,
 * secrets only referenced, replication factor 3 and min.insync.replicas 2.
 */
const CORE: Record<string, string> = {
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
  'v1/Service': 'kubernetes-models/v1/Service',
  'v1/ConfigMap': 'kubernetes-models/v1/ConfigMap',
  'autoscaling/v2/HorizontalPodAutoscaler': 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'kubernetes-models/policy/v1/PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy': 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
};

type Schema = Record<string, unknown>;
const str: Schema = { type: 'string', minLength: 1 };
const int: Schema = { type: 'integer' };
const strict = (properties: Record<string, Schema>, required: string[] = []): Schema => ({ type: 'object', additionalProperties: false, properties, required });
const mapOf = (value: Schema): Schema => ({ type: 'object', additionalProperties: value });
const scalar: Schema = { type: ['string', 'number', 'boolean'] };
const secretKey = strict({ name: str, key: str }, ['name', 'key']);
const metadata = strict({ name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 }, namespace: str, labels: mapOf({ type: 'string' }), annotations: mapOf({ type: 'string' }) }, ['name']);
const resource = (apiVersion: string, kind: string, spec: Schema): Schema => strict({ apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec }, ['apiVersion', 'kind', 'metadata', 'spec']);
const scram = strict({ type: { enum: ['scram-sha-512', 'tls', 'plain'] }, username: str, passwordSecret: strict({ secretName: str, password: str }, ['secretName', 'password']) }, ['type']);
const tls = strict({ trustedCertificates: { type: 'array', items: strict({ secretName: str, pattern: str, certificate: str }, ['secretName']) } });
const acl = strict(
  {
    resource: strict({ type: { enum: ['topic', 'group', 'cluster', 'transactionalId'] }, name: str, patternType: { enum: ['literal', 'prefix'] } }, ['type']),
    operations: { type: 'array', minItems: 1, items: { enum: ['Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs', 'DescribeConfigs', 'IdempotentWrite', 'All'] } },
    host: str,
    type: { enum: ['allow', 'deny'] },
  },
  ['resource', 'operations'],
);
const connector = strict({ tasksMax: int, config: mapOf(scalar), autoRestart: strict({ enabled: { type: 'boolean' } }) });
const cnpgRef = strict({ name: str }, ['name']);

/** Strimzi 0.4x (kafka.strimzi.io/v1beta2) and CloudNativePG 1.2x (postgresql.cnpg.io/v1): the fields used here. */
export const CRD_SCHEMAS: Record<string, Schema> = {
  'kafka.strimzi.io/v1beta2/Kafka': resource(
    'kafka.strimzi.io/v1beta2',
    'Kafka',
    strict(
      {
        kafka: strict(
          {
            version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
            listeners: {
              type: 'array',
              minItems: 1,
              items: strict({ name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' }, port: { type: 'integer', minimum: 9092 }, type: { enum: ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'] }, tls: { type: 'boolean' }, authentication: strict({ type: { enum: ['scram-sha-512', 'tls', 'oauth', 'custom'] } }, ['type']) }, ['name', 'port', 'type', 'tls']),
            },
            authorization: strict({ type: { enum: ['simple', 'opa', 'keycloak', 'custom'] }, superUsers: { type: 'array', items: str } }, ['type']),
            config: mapOf(scalar),
          },
          ['listeners'],
        ),
        entityOperator: strict({ topicOperator: { type: 'object' }, userOperator: { type: 'object' } }),
      },
      ['kafka'],
    ),
  ),
  'kafka.strimzi.io/v1beta2/KafkaNodePool': resource(
    'kafka.strimzi.io/v1beta2',
    'KafkaNodePool',
    strict(
      {
        replicas: { type: 'integer', minimum: 1 },
        roles: { type: 'array', minItems: 1, items: { enum: ['controller', 'broker'] } },
        storage: strict({ type: { enum: ['jbod', 'persistent-claim', 'ephemeral'] }, volumes: { type: 'array', items: strict({ id: int, type: { enum: ['persistent-claim', 'ephemeral'] }, size: { type: 'string', pattern: '^\\d+[KMGT]i$' }, deleteClaim: { type: 'boolean' }, kraftMetadata: { enum: ['shared'] } }, ['type']) } }, ['type']),
      },
      ['replicas', 'roles', 'storage'],
    ),
  ),
  'kafka.strimzi.io/v1beta2/KafkaTopic': resource('kafka.strimzi.io/v1beta2', 'KafkaTopic', strict({ topicName: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,249}$' }, partitions: { type: 'integer', minimum: 1 }, replicas: { type: 'integer', minimum: 1, maximum: 32767 }, config: mapOf(scalar) }, ['partitions', 'replicas'])),
  'kafka.strimzi.io/v1beta2/KafkaUser': resource(
    'kafka.strimzi.io/v1beta2',
    'KafkaUser',
    strict({ authentication: strict({ type: { enum: ['scram-sha-512', 'tls', 'tls-external'] } }, ['type']), authorization: strict({ type: { const: 'simple' }, acls: { type: 'array', items: acl } }, ['type', 'acls']) }, ['authentication']),
  ),
  'kafka.strimzi.io/v1beta2/KafkaMirrorMaker2': resource(
    'kafka.strimzi.io/v1beta2',
    'KafkaMirrorMaker2',
    strict(
      {
        version: str,
        replicas: { type: 'integer', minimum: 1 },
        connectCluster: str,
        clusters: { type: 'array', minItems: 2, items: strict({ alias: str, bootstrapServers: str, tls, authentication: scram, config: mapOf(scalar) }, ['alias', 'bootstrapServers']) },
        mirrors: { type: 'array', minItems: 1, items: strict({ sourceCluster: str, targetCluster: str, topicsPattern: str, groupsPattern: str, sourceConnector: connector, checkpointConnector: connector, heartbeatConnector: connector }, ['sourceCluster', 'targetCluster']) },
      },
      ['connectCluster', 'clusters', 'mirrors'],
    ),
  ),
  'postgresql.cnpg.io/v1/Cluster': resource(
    'postgresql.cnpg.io/v1',
    'Cluster',
    strict(
      {
        instances: { type: 'integer', minimum: 1 },
        imageName: str,
        primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
        storage: strict({ size: { type: 'string', pattern: '^\\d+[KMGT]i$' }, storageClass: str }, ['size']),
        walStorage: strict({ size: { type: 'string', pattern: '^\\d+[KMGT]i$' }, storageClass: str }, ['size']),
        managed: strict({ roles: { type: 'array', items: strict({ name: str, ensure: { enum: ['present', 'absent'] }, login: { type: 'boolean' }, createdb: { type: 'boolean' }, superuser: { type: 'boolean' }, passwordSecret: cnpgRef }, ['name']) } }),
        postgresql: strict({ parameters: mapOf({ type: 'string' }) }),
        monitoring: strict({ enablePodMonitor: { type: 'boolean' } }),
        backup: strict(
          {
            barmanObjectStore: strict(
              {
                destinationPath: { type: 'string', pattern: '^s3://' },
                endpointURL: { type: 'string', pattern: '^https://' },
                s3Credentials: strict({ accessKeyId: secretKey, secretAccessKey: secretKey }, ['accessKeyId', 'secretAccessKey']),
                wal: strict({ compression: { enum: ['gzip', 'bzip2', 'snappy'] }, maxParallel: int }),
                data: strict({ compression: { enum: ['gzip', 'bzip2', 'snappy'] } }),
              },
              ['destinationPath', 's3Credentials'],
            ),
            retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
          },
          ['barmanObjectStore'],
        ),
      },
      ['instances', 'storage'],
    ),
  ),
  'postgresql.cnpg.io/v1/ScheduledBackup': resource(
    'postgresql.cnpg.io/v1',
    'ScheduledBackup',
    // CloudNativePG's cron has six fields (seconds first).
    strict({ schedule: { type: 'string', pattern: '^(\\S+\\s+){5}\\S+$' }, backupOwnerReference: { enum: ['none', 'self', 'cluster'] }, cluster: cnpgRef, method: { enum: ['barmanObjectStore', 'volumeSnapshot', 'plugin'] }, immediate: { type: 'boolean' } }, ['schedule', 'cluster']),
  ),
  'postgresql.cnpg.io/v1/Pooler': resource(
    'postgresql.cnpg.io/v1',
    'Pooler',
    strict({ cluster: cnpgRef, instances: { type: 'integer', minimum: 1 }, type: { enum: ['rw', 'ro', 'r'] }, pgbouncer: strict({ poolMode: { enum: ['session', 'transaction'] }, parameters: mapOf({ type: 'string' }) }, ['poolMode']) }, ['cluster', 'pgbouncer']),
  ),
};

const ajv = new Ajv({ allErrors: true });
const crdValidators = Object.fromEntries(Object.entries(CRD_SCHEMAS).map(([key, schema]) => [key, ajv.compile(schema)]));

function typeKey(o: K8sObject): string {
  return `${o.apiVersion}/${o.kind}`;
}

/** Problems of one object against its schema; empty when valid. */
export function schemaProblems(o: K8sObject): string[] {
  const key = typeKey(o);
  const where = `${o.kind}/${o.metadata?.name}`;
  if (CORE[key]) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(CORE[key]) as Record<string, new (data: unknown) => { validate(): void }>;
    const Model = module[o.kind];
    try {
      new Model(o).validate();
      return [];
    } catch (error) {
      return [`${where}: ${(error as Error).message}`];
    }
  }
  const validate = crdValidators[key];
  if (!validate) return [`${where}: no schema for ${key} (add it to tools/k8s/validate.ts)`];
  if (validate(o)) return [];
  return (validate.errors ?? []).map((e) => `${where}: ${e.dataPath || '(root)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : ''}`);
}

interface Container {
  name: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: { httpGet?: { path?: string } };
  livenessProbe?: { httpGet?: { path?: string } };
}

/** The platform's rules over one rendered overlay. */
export function policyProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  for (const secret of of('Secret')) problems.push(`Secret/${secret.metadata.name}: secrets are referenced, never written into the manifests`);
  const hpaTargets = new Set(of('HorizontalPodAutoscaler').map((h) => (h.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name));
  for (const d of of('Deployment')) {
    const name = `Deployment/${d.metadata.name}`;
    if (!hpaTargets.has(d.metadata.name)) problems.push(`${name}: no HorizontalPodAutoscaler`);
    const containers = (d.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers;
    for (const c of containers) {
      if (c.readinessProbe?.httpGet?.path !== '/health' || c.livenessProbe?.httpGet?.path !== '/health') problems.push(`${name}: readiness and liveness probes must call /health`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) problems.push(`${name}: requests (cpu, memory) and a memory limit are required`);
      for (const e of c.env ?? []) {
        if (/PASSWORD|SECRET|KEYS?$|_KEY_ID$/.test(e.name) && e.value !== undefined) problems.push(`${name}: ${e.name} is written inline; reference a Secret (valueFrom.secretKeyRef)`);
      }
      for (const wanted of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD', 'PGPASSWORD', 'PERSON_DATA_KEYS', 'NODE_PRIVATE_KEYS', 'BLIND_INDEX_KEY']) {
        if (!c.env?.some((e) => e.name === wanted)) problems.push(`${name}: ${wanted} is not set`);
      }
    }
  }
  for (const t of of('KafkaTopic')) {
    const spec = t.spec as { replicas: number; config?: Record<string, unknown> };
    if (spec.replicas < 3 || Number(spec.config?.['min.insync.replicas']) < 2) problems.push(`KafkaTopic/${t.metadata.name}: replication factor 3 and min.insync.replicas 2 at least`);
  }
  for (const k of of('Kafka')) {
    const config = (k.spec as { kafka: { config?: Record<string, unknown> } }).kafka.config ?? {};
    if (Number(config['default.replication.factor']) < 3 || Number(config['min.insync.replicas']) < 2) problems.push(`Kafka/${k.metadata.name}: default.replication.factor 3 and min.insync.replicas 2 at least`);
  }
  if (!of('NetworkPolicy').some((p) => JSON.stringify((p.spec as { podSelector: unknown }).podSelector) === '{}')) problems.push('no default-deny NetworkPolicy');
  if (!of('ScheduledBackup').length) problems.push('no ScheduledBackup of the Postgres cluster');
  return problems;
}
