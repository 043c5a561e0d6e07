import { isNodeCountry, type NodeCountry } from '@corridor/reference-data';
import { DEFAULT_POLICIES_FILE, loadCorridorPolicies, type CorridorPolicy } from './corridor-policy';
import { nodeKafkaSasl, type KafkaSasl } from './kafka-identity';

/** One open corridor: an ordered pair of node countries with a bilateral agreement. */
export interface CorridorLink {
  origin: NodeCountry;
  destination: NodeCountry;
  policy: CorridorPolicy;
}

/** What every service of one country node is configured with (from the environment). */
export interface NodeConfig {
  country: NodeCountry;
  corridors: CorridorLink[];
  kafkaBrokers: string[];
  /** The node's own Kafka principal (SASL/SCRAM-SHA-512); see kafka-identity.ts and ADR 0007. */
  kafkaSasl?: KafkaSasl;
  /**
   * `poolMax`: the most connections one service process holds (DB_POOL_MAX, default
   * DEFAULT_DB_POOL_MAX); the budget per node is in docs/performance.md. `poolWaitMs`: how long a
   * request waits for a free one before it is answered 503 (DB_POOL_WAIT_MS, default DEFAULT_DB_POOL_WAIT_MS).
   */
  postgres: { host: string; port: number; user: string; password?: string; poolMax?: number; poolWaitMs?: number };
  /** Development and tests: HS256 with this secret. */
  jwtSecret: string;
  /** Production: the ministry's OIDC provider; when set, tokens are checked against its JWKS. */
  oidc?: { jwksUrl: string; issuer: string; audience?: string };
}

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** The corridors open when CORRIDORS is not set; the dev/test broker's ACLs follow the same default. */
export const DEFAULT_CORRIDORS = 'KH>TH,LA>TH';

/** Parses "KH>TH,LA>TH": '>' separates the ends because subdivision codes (CN-YN) contain '-'. */
export function parseCorridors(text: string, policyOf = loadCorridorPolicies()): CorridorLink[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [origin, destination, extra] = part.split('>');
      if (!origin || !destination || extra !== undefined || !isNodeCountry(origin) || !isNodeCountry(destination) || origin === destination) {
        throw new ConfigurationError(`CORRIDORS entry "${part}" is not an ordered pair of node countries like KH>TH`);
      }
      return { origin, destination, policy: policyOf(origin, destination) };
    });
}

export const DEVELOPMENT_JWT_SECRET = 'corridor-development-secret-do-not-use-in-production';

export function loadNodeConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const country = env.COUNTRY ?? '';
  if (!isNodeCountry(country)) {
    throw new ConfigurationError(`COUNTRY must be one of the node countries, got "${country}"`);
  }
  const oidc = env.AUTH_JWKS_URL ? { jwksUrl: env.AUTH_JWKS_URL, issuer: env.AUTH_ISSUER ?? '', audience: env.AUTH_AUDIENCE } : undefined;
  if (oidc && !oidc.issuer) throw new ConfigurationError('AUTH_ISSUER is required with AUTH_JWKS_URL');
  const jwtSecret = env.JWT_SECRET ?? (env.NODE_ENV === 'production' ? '' : DEVELOPMENT_JWT_SECRET);
  if (!jwtSecret && !oidc) throw new ConfigurationError('production needs AUTH_JWKS_URL and AUTH_ISSUER (OIDC) or JWT_SECRET');
  return {
    country,
    corridors: parseCorridors(env.CORRIDORS ?? DEFAULT_CORRIDORS, loadCorridorPolicies(env.CORRIDOR_POLICIES_FILE ?? DEFAULT_POLICIES_FILE)),
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
    kafkaSasl: nodeKafkaSasl(country, env, (message) => new ConfigurationError(message)),
    postgres: {
      host: env.PGHOST ?? '127.0.0.1',
      port: Number(env.PGPORT ?? 5432),
      user: env.PGUSER ?? 'postgres',
      password: env.PGPASSWORD,
      poolMax: poolMax(env.DB_POOL_MAX),
      poolWaitMs: poolWaitMs(env.DB_POOL_WAIT_MS),
    },
    jwtSecret,
    oidc,
  };
}

/**
 * Connections per service process when DB_POOL_MAX is not set: a consumer applies up to 3
 * partitions at once, the relay and the audit sequencer hold one each while they work, the rest
 * serve HTTP. 3 nodes × 6 services × 5 = 90 of Postgres' default max_connections of 100 (3 kept
 * for superusers): enough for one machine; anything more goes through PgBouncer
 * (docs/performance.md, "Connection budget").
 */
export const DEFAULT_DB_POOL_MAX = 5;

/**
 * How long a request waits for a pooled connection: a burst (a bus of arrivals confirmed at once,
 * while the consumers and the relay hold theirs) should queue for a few seconds, not fail; past
 * this the answer is a 503 to retry (libs/http problem `database-unavailable`).
 */
export const DEFAULT_DB_POOL_WAIT_MS = 15_000;

function poolWaitMs(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_DB_POOL_WAIT_MS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 100 || value > 120_000) throw new ConfigurationError(`DB_POOL_WAIT_MS must be a whole number of milliseconds from 100 to 120000, got "${text}"`);
  return value;
}

function poolMax(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_DB_POOL_MAX;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100) throw new ConfigurationError(`DB_POOL_MAX must be a whole number from 1 to 100, got "${text}"`);
  return value;
}

/** One database per service and country node, e.g. corridor_kh_recruitment. */
export function serviceDatabaseName(country: string, service: string): string {
  return `corridor_${country.toLowerCase().replace(/-/g, '_')}_${service.replace(/-/g, '_')}`;
}

/** The open corridor origin→destination, or undefined when it is closed. */
export function openCorridor(config: Pick<NodeConfig, 'corridors'>, origin: string, destination: string): CorridorLink | undefined {
  return config.corridors.find((c) => c.origin === origin && c.destination === destination);
}

/** The corridors this node takes part in, as origin or destination. */
export function corridorsOf(config: Pick<NodeConfig, 'country' | 'corridors'>): CorridorLink[] {
  return config.corridors.filter((c) => c.origin === config.country || c.destination === config.country);
}
