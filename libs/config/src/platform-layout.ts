import { ConfigurationError, DEFAULT_CORRIDORS } from './node-config';

/**
 * The one place that says where each service of each country node listens when the platform
 * runs on one machine (`npm start`, the demo, a service started by hand). A service's port is
 * the node's base plus the service's offset; nothing else in the repo writes a port down.
 * A deployment elsewhere sets PORT (and the CORRIDOR_<CC>_<SERVICE>_URL overrides for tools).
 */
export const PLATFORM_NODES = [
  { country: 'KH', portBase: 3100 },
  { country: 'TH', portBase: 3200 },
  // LA has its own corridor to TH but none with KH: it shares the cluster and must see nothing of KH→TH.
  { country: 'LA', portBase: 3400 },
] as const;

/** Every service of a node, in start order; `nx g @corridor/tools:stage-service` adds new stages here. */
export const PLATFORM_SERVICES = [
  { name: 'recruitment', portOffset: 1 },
  { name: 'contracts', portOffset: 2 },
  { name: 'journey', portOffset: 6 },
  { name: 'deployment', portOffset: 3 },
  { name: 'social-protection', portOffset: 4 },
  { name: 'reintegration', portOffset: 5 },
] as const;

/**
 * The officer console of each node (services/console: the SPA and its backend-for-frontend),
 * at the node's base port. Not a stage service: no database, no events, it calls the stages.
 */
export const PLATFORM_CONSOLE = { name: 'console', portOffset: 0 } as const;

export const PLATFORM_CORRIDORS = DEFAULT_CORRIDORS;

/**
 * `npm start -- --national-clusters` (ADR 0022): each country of the corridor on a Kafka cluster
 * of its own, linked by MirrorMaker 2 (infra/kafka/national-clusters.sh, whose defaults these
 * are: NATIONAL_KH_PORT / NATIONAL_TH_PORT, data under .data/kafka-<cc>). Only the two countries
 * of the corridor run then.
 */
export const NATIONAL_CLUSTERS = {
  corridors: 'KH>TH',
  clusters: [
    { country: 'KH', brokers: '127.0.0.1:9192', dataDir: '.data/kafka-kh' },
    { country: 'TH', brokers: '127.0.0.1:9292', dataDir: '.data/kafka-th' },
  ],
} as const;

export type ServiceName = (typeof PLATFORM_SERVICES)[number]['name'];

/** The entry point of a service, relative to the repo root (every service has the same layout). */
export function serviceMain(service: string): string {
  return `services/${service}/src/main.ts`;
}

/** The compiled entry point of a service (`nx run <service>:build`, tools/build/build-service.js), relative to the repo root. */
export function serviceBuildMain(service: string): string {
  return `dist/${service}/services/${service}/src/main.js`;
}

/** Where a service of a node listens: PORT when set (a deployment's choice), else the platform layout. */
export function servicePort(country: string, service: string, env: NodeJS.ProcessEnv = process.env): number {
  if (env.PORT) return Number(env.PORT);
  const node = PLATFORM_NODES.find((n) => n.country === country);
  const spec = PLATFORM_SERVICES.find((s) => s.name === service);
  if (!node || !spec) throw new ConfigurationError(`the platform layout has no ${service} service for ${country}: set PORT`);
  return node.portBase + spec.portOffset;
}

export function serviceUrl(country: string, service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[`CORRIDOR_${country}_${service.toUpperCase().replace(/-/g, '_')}_URL`];
  return override ?? `http://127.0.0.1:${servicePort(country, service, {})}`;
}

/** Where a node's console listens: PORT when set, else the node's base port. */
export function consolePort(country: string, env: NodeJS.ProcessEnv = process.env): number {
  if (env.PORT) return Number(env.PORT);
  const node = PLATFORM_NODES.find((n) => n.country === country);
  if (!node) throw new ConfigurationError(`the platform layout has no node ${country}: set PORT`);
  return node.portBase + PLATFORM_CONSOLE.portOffset;
}

export function consoleUrl(country: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`CORRIDOR_${country}_CONSOLE_URL`] ?? `http://127.0.0.1:${consolePort(country, {})}`;
}
