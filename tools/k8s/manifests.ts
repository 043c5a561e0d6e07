import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IService } from 'kubernetes-models/v1/Service';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { PLATFORM_CORRIDORS, PLATFORM_NODES, PLATFORM_SERVICES, consumerGroupPrefix, nodePrincipalName, parseCorridors, serviceMain } from '@corridor/config';
import { STAGES, corridorTopic, countryTopic, deadLetterTopic } from '@corridor/events';
import { deriveCorridorAcls, type CorridorAcl } from '@corridor/messaging';
import { NODE_COUNTRIES } from '@corridor/reference-data';

/**
 * The one source of the Kubernetes manifests in infra/k8s (docs/adr/0021): a Kustomize base with
 * what every country node runs, and one overlay per node of the platform layout (libs/config),
 * with its namespace, node configuration, Kafka topics, users (ACLs derived like infra/kafka's,
 * deriveCorridorAcls) and MirrorMaker 2. Services, nodes and corridors come from the platform
 * layout, so a new stage service gets its Deployment, Service, autoscaler and policies without an
 * edit here. `npm run k8s -- --write` writes the files; `npm test` checks they are up to date,
 * renders every overlay (tools/k8s/kustomize.ts) and validates each object (tools/k8s/validate.ts).
 */

export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [field: string]: unknown };

/** One file of the tree: a path under infra/k8s and its YAML documents. */
export type ManifestTree = Map<string, K8sObject[] | Record<string, unknown>>;

export const IMAGE = 'corridor-platform';
const PORT = 3000;
const PART_OF = { 'app.kubernetes.io/part-of': 'corridor' };
const KAFKA_CLUSTER = 'corridor';
const POSTGRES_CLUSTER = 'postgres';
const POOLER = 'postgres-pooler-rw';
const REPLICATION_FACTOR = 3;
const MIN_INSYNC_REPLICAS = 2;
/** Where a node's cluster is reached by the other nodes' MirrorMaker (each ministry publishes its own address). */
export const kafkaExternalBootstrap = (country: string) => `kafka.${country.toLowerCase()}.corridor.example:9094`;

const corridors = () => parseCorridors(PLATFORM_CORRIDORS);
const cc = (country: string) => country.toLowerCase();

function serviceLabels(service: string) {
  return { 'app.kubernetes.io/name': service, 'app.kubernetes.io/component': 'stage-service', ...PART_OF };
}

function deployment(service: string): IDeployment & K8sObject {
  const labels = serviceLabels(service);
  const secret = (name: string, secretName: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: secretName, key } } });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'app.kubernetes.io/name': service } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(PORT), 'prometheus.io/path': '/metrics' } },
        spec: {
          // serveUntilStopped cuts a hanging shutdown at 25 s; Kubernetes waits a little longer.
          terminationGracePeriodSeconds: 30,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'service',
              image: `${IMAGE}:latest`,
              imagePullPolicy: 'IfNotPresent',
              command: ['node', '-r', '@swc-node/register', serviceMain(service)],
              ports: [{ name: 'http', containerPort: PORT }],
              envFrom: [{ configMapRef: { name: 'node-config' } }],
              env: [
                { name: 'PORT', value: String(PORT) },
                { name: 'HOST', value: '0.0.0.0' },
                { name: 'NODE_ENV', value: 'production' },
                { name: 'PGHOST', value: POOLER },
                { name: 'PGPORT', value: '5432' },
                // The role CloudNativePG manages for the services (Cluster.spec.managed.roles); it may create each service's database.
                secret('PGUSER', 'postgres-corridor', 'username'),
                secret('PGPASSWORD', 'postgres-corridor', 'password'),
                // KAFKA_SASL_USERNAME/PASSWORD: the node's Kafka principal, added by the overlay (its KafkaUser's secret, written by Strimzi).
                // Created by the ministry's operators (docs/runbook.md "Keys"), never in this repository.
                secret('PERSON_DATA_KEYS', 'person-data-keys', 'PERSON_DATA_KEYS'),
                secret('PERSON_DATA_ACTIVE_KEY', 'person-data-keys', 'PERSON_DATA_ACTIVE_KEY'),
                secret('BLIND_INDEX_KEY', 'person-data-keys', 'BLIND_INDEX_KEY'),
                secret('NODE_PRIVATE_KEYS', 'person-data-keys', 'NODE_PRIVATE_KEYS'),
                secret('NODE_ACTIVE_KEY_ID', 'person-data-keys', 'NODE_ACTIVE_KEY_ID'),
                // The partners' public transit keys: not secret, but handed over like the rest.
                secret('COUNTRY_PUBLIC_KEYS', 'corridor-public-keys', 'COUNTRY_PUBLIC_KEYS'),
              ],
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
              startupProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 5, failureThreshold: 36 },
              readinessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
              // /health is down while Kafka or Postgres is: a restart would not help, so liveness is patient.
              livenessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 9 },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

function service(name: string): IService & K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: serviceLabels(name) },
    spec: { selector: { 'app.kubernetes.io/name': name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  };
}

/** Scales on CPU and on the consumer lag /metrics exposes (through prometheus-adapter as an external metric). */
function autoscaler(name: string): IHorizontalPodAutoscaler & K8sObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, labels: serviceLabels(name) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      // More instances than a topic's partitions consume nothing (docs/runbook.md "Scale-out").
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        {
          type: 'External',
          external: { metric: { name: 'corridor_consumer_lag', selector: { matchLabels: { service: name } } }, target: { type: 'AverageValue', averageValue: '500' } },
        },
      ],
    },
  };
}

function disruptionBudget(name: string): IPodDisruptionBudget & K8sObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, labels: serviceLabels(name) }, spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } } };
}

function networkPolicies(): (INetworkPolicy & K8sObject)[] {
  const services = { matchLabels: { 'app.kubernetes.io/component': 'stage-service' } };
  const namespace = (name: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });
  const policy = (name: string, spec: INetworkPolicy['spec']): INetworkPolicy & K8sObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, labels: PART_OF }, spec });
  return [
    // Nothing in or out that a policy below does not allow.
    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('stage-services-ingress', {
      podSelector: services,
      policyTypes: ['Ingress'],
      // The ministry's ingress controller (API, console) and Prometheus (/metrics); nothing else.
      ingress: [{ from: [namespace('ingress-nginx'), namespace('monitoring')], ports: [{ protocol: 'TCP', port: PORT }] }],
    }),
    policy('stage-services-egress', {
      podSelector: services,
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: { matchLabels: { 'cnpg.io/poolerName': POOLER } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
        { to: [{ podSelector: { matchLabels: { 'strimzi.io/cluster': KAFKA_CLUSTER, 'strimzi.io/kind': 'Kafka' } } }], ports: [{ protocol: 'TCP', port: 9093 }] },
        { to: [namespace('kube-system')], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
        // The ministry's OIDC provider (AUTH_JWKS_URL), outside the cluster.
        { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 443 }] },
      ],
    }),
    policy('pooler-ingress', {
      podSelector: { matchLabels: { 'cnpg.io/poolerName': POOLER } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: services }], ports: [{ protocol: 'TCP', port: 5432 }] }],
      egress: [
        { to: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': POSTGRES_CLUSTER } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
        { to: [namespace('kube-system')], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      ],
    }),
    policy('postgres-ingress', {
      podSelector: { matchLabels: { 'cnpg.io/cluster': POSTGRES_CLUSTER } },
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: { 'cnpg.io/poolerName': POOLER } } }, { podSelector: { matchLabels: { 'cnpg.io/cluster': POSTGRES_CLUSTER } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
        // The CloudNativePG operator's status and backup calls.
        { from: [namespace('cnpg-system')], ports: [{ protocol: 'TCP', port: 8000 }, { protocol: 'TCP', port: 5432 }] },
      ],
    }),
  ];
}

function postgres(): K8sObject[] {
  return [
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: POSTGRES_CLUSTER, labels: PART_OF },
      spec: {
        instances: 3,
        imageName: 'ghcr.io/cloudnative-pg/postgresql:17.5',
        primaryUpdateStrategy: 'unsupervised',
        storage: { size: '50Gi' },
        walStorage: { size: '20Gi' },
        // Each service creates and migrates its own database at start (corridor_<cc>_<service>).
        managed: { roles: [{ name: 'corridor', ensure: 'present', login: true, createdb: true, passwordSecret: { name: 'postgres-corridor' } }] },
        postgresql: { parameters: { max_connections: '200', 'pg_stat_statements.track': 'all' } },
        monitoring: { enablePodMonitor: true },
        backup: {
          // The overlay names the node's own bucket: backups never leave the country.
          barmanObjectStore: {
            destinationPath: 's3://corridor-backups-xx/postgres',
            endpointURL: 'https://objects.xx.corridor.example',
            s3Credentials: { accessKeyId: { name: 'backup-object-store', key: 'ACCESS_KEY_ID' }, secretAccessKey: { name: 'backup-object-store', key: 'ACCESS_SECRET_KEY' } },
            wal: { compression: 'gzip', maxParallel: 2 },
            data: { compression: 'gzip' },
          },
          retentionPolicy: '30d',
        },
      },
    },
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: { name: 'postgres-daily', labels: PART_OF },
      spec: { schedule: '0 0 2 * * *', backupOwnerReference: 'self', cluster: { name: POSTGRES_CLUSTER }, method: 'barmanObjectStore', immediate: true },
    },
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Pooler',
      metadata: { name: POOLER, labels: PART_OF },
      spec: {
        cluster: { name: POSTGRES_CLUSTER },
        instances: 2,
        type: 'rw',
        // Session pooling: migrations hold a session advisory lock (transaction pooling would break it).
        pgbouncer: { poolMode: 'session', parameters: { max_client_conn: '1000', default_pool_size: '20' } },
      },
    },
  ];
}

function kafka(): K8sObject[] {
  return [
    {
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaNodePool',
      metadata: { name: 'dual-role', labels: { 'strimzi.io/cluster': KAFKA_CLUSTER, ...PART_OF } },
      spec: { replicas: 3, roles: ['controller', 'broker'], storage: { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: '100Gi', deleteClaim: false, kraftMetadata: 'shared' }] } },
    },
    {
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'Kafka',
      metadata: { name: KAFKA_CLUSTER, labels: PART_OF, annotations: { 'strimzi.io/node-pools': 'enabled', 'strimzi.io/kraft': 'enabled' } },
      spec: {
        kafka: {
          version: '4.0.0',
          listeners: [
            { name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' } },
            // For the other nodes' MirrorMaker 2 only (the overlay names the address).
            { name: 'external', port: 9094, type: 'loadbalancer', tls: true, authentication: { type: 'scram-sha-512' } },
          ],
          authorization: { type: 'simple' },
          config: {
            'default.replication.factor': REPLICATION_FACTOR,
            'min.insync.replicas': MIN_INSYNC_REPLICAS,
            'offsets.topic.replication.factor': REPLICATION_FACTOR,
            'transaction.state.log.replication.factor': REPLICATION_FACTOR,
            'transaction.state.log.min.isr': MIN_INSYNC_REPLICAS,
            'auto.create.topics.enable': false,
            'allow.everyone.if.no.acl.found': false,
          },
        },
        entityOperator: { topicOperator: {}, userOperator: {} },
      },
    },
  ];
}

function topicsOf(country: string): string[] {
  const own = STAGES.map((stage) => countryTopic(country, stage));
  const shared = corridors()
    .filter((c) => c.origin === country || c.destination === country)
    .flatMap((c) => STAGES.map((stage) => corridorTopic(c.origin, c.destination, stage)));
  return [...own, ...shared].flatMap((topic) => [topic, deadLetterTopic(topic)]);
}

function kafkaTopic(topic: string): K8sObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    // Resource names allow no '_' and the topic keeps its own name in spec.topicName.
    metadata: { name: topic.replace(/[._]/g, '-'), labels: { 'strimzi.io/cluster': KAFKA_CLUSTER, ...PART_OF } },
    spec: {
      topicName: topic,
      partitions: 6,
      replicas: REPLICATION_FACTOR,
      // Kept: read models are rebuilt from the log (docs/runbook.md "Rebuilding a read model").
      config: { 'min.insync.replicas': MIN_INSYNC_REPLICAS, 'retention.ms': -1, 'cleanup.policy': 'delete' },
    },
  };
}

/** ACLs in Strimzi's form, from the same derivation infra/kafka applies to the dev broker (ADR 0007). */
function strimziAcls(acls: CorridorAcl[]) {
  const byResource = new Map<string, { type: 'topic' | 'group'; name: string; operations: string[] }>();
  for (const acl of acls) {
    const type = acl.resourceType === 'TOPIC' ? 'topic' : 'group';
    const key = `${type}|${acl.prefix}`;
    const entry = byResource.get(key) ?? { type, name: acl.prefix, operations: [] };
    entry.operations.push(acl.operation.charAt(0) + acl.operation.slice(1).toLowerCase());
    byResource.set(key, entry);
  }
  return [...byResource.values()].map((r) => ({ resource: { type: r.type, name: r.name, patternType: 'prefix' }, operations: r.operations.sort(), host: '*' }));
}

function kafkaUsers(country: string): K8sObject[] {
  const principal = `User:${nodePrincipalName(country)}`;
  const acls = deriveCorridorAcls({ countries: NODE_COUNTRIES, corridors: corridors() }).filter((a) => a.principal === principal);
  const partners = partnersOf(country);
  return [
    {
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaUser',
      metadata: { name: nodePrincipalName(country), labels: { 'strimzi.io/cluster': KAFKA_CLUSTER, ...PART_OF } },
      spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls: strimziAcls(acls) } },
    },
    {
      // What the partners' MirrorMaker 2 reads from this cluster: their corridors' topics, nothing internal.
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaUser',
      metadata: { name: 'mirror-maker', labels: { 'strimzi.io/cluster': KAFKA_CLUSTER, ...PART_OF } },
      spec: {
        authentication: { type: 'scram-sha-512' },
        authorization: {
          type: 'simple',
          acls: [
            ...partners.map((p) => ({ resource: { type: 'topic', name: p.prefix, patternType: 'prefix' }, operations: ['Describe', 'DescribeConfigs', 'Read', 'Write', 'Create'], host: '*' })),
            { resource: { type: 'topic', name: 'mm2-', patternType: 'prefix' }, operations: ['Create', 'Describe', 'Read', 'Write'], host: '*' },
            { resource: { type: 'group', name: 'mirror-maker', patternType: 'prefix' }, operations: ['Read'], host: '*' },
            { resource: { type: 'group', name: consumerGroupPrefix(country), patternType: 'prefix' }, operations: ['Describe', 'Read'], host: '*' },
            { resource: { type: 'cluster' }, operations: ['Describe'], host: '*' },
          ],
        },
      },
    },
  ];
}

function partnersOf(country: string) {
  return corridors()
    .filter((c) => c.origin === country || c.destination === country)
    .map((c) => ({ partner: c.origin === country ? c.destination : c.origin, prefix: `corridor.${cc(c.origin)}-${cc(c.destination)}.` }));
}

/** Pulls each corridor's topics from the partner's national cluster into this one, names kept. */
function mirrorMaker(country: string): K8sObject {
  const self = cc(country);
  const partners = partnersOf(country);
  const identity = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaMirrorMaker2',
    metadata: { name: 'corridor-mirror', labels: PART_OF },
    spec: {
      version: '4.0.0',
      replicas: 2,
      connectCluster: self,
      clusters: [
        {
          alias: self,
          bootstrapServers: `${KAFKA_CLUSTER}-kafka-bootstrap:9093`,
          tls: { trustedCertificates: [{ secretName: `${KAFKA_CLUSTER}-cluster-ca-cert`, pattern: '*.crt' }] },
          authentication: { type: 'scram-sha-512', username: 'mirror-maker', passwordSecret: { secretName: 'mirror-maker', password: 'password' } },
          config: { 'config.storage.replication.factor': REPLICATION_FACTOR, 'offset.storage.replication.factor': REPLICATION_FACTOR, 'status.storage.replication.factor': REPLICATION_FACTOR },
        },
        ...partners.map(({ partner }) => ({
          alias: cc(partner),
          bootstrapServers: kafkaExternalBootstrap(partner),
          tls: { trustedCertificates: [{ secretName: `${cc(partner)}-cluster-ca-cert`, pattern: '*.crt' }] },
          // The partner ministry's mirror-maker user, handed over out of band and stored as a Secret here.
          authentication: { type: 'scram-sha-512', username: 'mirror-maker', passwordSecret: { secretName: `${cc(partner)}-mirror-maker`, password: 'password' } },
        })),
      ],
      mirrors: partners.map(({ partner, prefix }) => ({
        sourceCluster: cc(partner),
        targetCluster: self,
        topicsPattern: `${prefix.replace(/\./g, '\\.')}.*`,
        groupsPattern: `${consumerGroupPrefix(country).replace(/\./g, '\\.')}.*`,
        sourceConnector: {
          tasksMax: 2,
          config: {
            'replication.policy.class': identity,
            'replication.factor': REPLICATION_FACTOR,
            'offset-syncs.topic.replication.factor': REPLICATION_FACTOR,
            'sync.topic.acls.enabled': 'false',
            'refresh.topics.interval.seconds': 60,
          },
        },
        checkpointConnector: {
          tasksMax: 1,
          config: { 'replication.policy.class': identity, 'checkpoints.topic.replication.factor': REPLICATION_FACTOR, 'sync.group.offsets.enabled': 'true', 'emit.checkpoints.interval.seconds': 30 },
        },
      })),
    },
  };
}

function nodeConfig(country: string): IConfigMap & K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'node-config', labels: PART_OF },
    data: {
      COUNTRY: country,
      CORRIDORS: PLATFORM_CORRIDORS,
      KAFKA_BROKERS: `${KAFKA_CLUSTER}-kafka-bootstrap:9093`,
      AUTH_JWKS_URL: `https://login.${cc(country)}.corridor.example/.well-known/jwks.json`,
      AUTH_ISSUER: `https://login.${cc(country)}.corridor.example/`,
      AUTH_AUDIENCE: 'corridor',
      LOG_LEVEL: 'log',
      LOG_FORMAT: 'json',
    },
  };
}

/** Strategic-merge patches of the overlay: the node's Kafka principal in every Deployment, its own backup bucket. */
function overlayPatches(country: string): K8sObject[] {
  const principal = nodePrincipalName(country);
  return [
    ...PLATFORM_SERVICES.map(({ name }) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'service',
                env: [
                  { name: 'KAFKA_SASL_USERNAME', value: principal },
                  { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: principal, key: 'password' } } },
                ],
              },
            ],
          },
        },
      },
    })),
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: POSTGRES_CLUSTER },
      spec: { backup: { barmanObjectStore: { destinationPath: `s3://corridor-backups-${cc(country)}/postgres`, endpointURL: `https://objects.${cc(country)}.corridor.example` } } },
    },
  ];
}

/** Every file under infra/k8s, by path. */
export function manifestTree(): ManifestTree {
  const tree: ManifestTree = new Map();
  const services = PLATFORM_SERVICES.map((s) => s.name);
  tree.set('base/services.yaml', services.flatMap((name) => [deployment(name), service(name), autoscaler(name), disruptionBudget(name)]));
  tree.set('base/network-policies.yaml', networkPolicies());
  tree.set('base/postgres.yaml', postgres());
  tree.set('base/kafka.yaml', kafka());
  tree.set('base/kustomization.yaml', {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    labels: [{ pairs: PART_OF, includeSelectors: false }],
    resources: ['services.yaml', 'network-policies.yaml', 'postgres.yaml', 'kafka.yaml'],
  });
  for (const { country } of PLATFORM_NODES) {
    const dir = `overlays/${cc(country)}`;
    tree.set(`${dir}/node.yaml`, [nodeConfig(country)]);
    tree.set(`${dir}/kafka-topics.yaml`, topicsOf(country).map(kafkaTopic));
    tree.set(`${dir}/kafka-users.yaml`, kafkaUsers(country));
    tree.set(`${dir}/mirror-maker.yaml`, [mirrorMaker(country)]);
    tree.set(`${dir}/patches.yaml`, overlayPatches(country));
    tree.set(`${dir}/kustomization.yaml`, {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: `corridor-${cc(country)}`,
      resources: ['../../base', 'node.yaml', 'kafka-topics.yaml', 'kafka-users.yaml', 'mirror-maker.yaml'],
      patches: [{ path: 'patches.yaml' }],
      labels: [{ pairs: { 'corridor.example/country': cc(country) }, includeSelectors: false }],
      images: [{ name: IMAGE, newName: `registry.${cc(country)}.corridor.example/corridor/${IMAGE}`, newTag: '0.1.0' }],
    });
  }
  return tree;
}
