import { isNodeCountry, type NodeCountry } from '@corridor/reference-data';

/** One open corridor: an ordered pair of node countries with a bilateral agreement. */
export interface CorridorLink {
  origin: NodeCountry;
  destination: NodeCountry;
}

/** What every service of one country node is configured with (from the environment). */
export interface NodeConfig {
  country: NodeCountry;
  corridors: CorridorLink[];
  kafkaBrokers: string[];
  postgres: { host: string; port: number; user: string; password?: string };
  jwtSecret: string;
}

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** Parses "KH>TH,LA>TH": '>' separates the ends because subdivision codes (CN-YN) contain '-'. */
export function parseCorridors(text: string): CorridorLink[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [origin, destination, extra] = part.split('>');
      if (!origin || !destination || extra !== undefined || !isNodeCountry(origin) || !isNodeCountry(destination) || origin === destination) {
        throw new ConfigurationError(`CORRIDORS entry "${part}" is not an ordered pair of node countries like KH>TH`);
      }
      return { origin, destination };
    });
}

export const DEVELOPMENT_JWT_SECRET = 'corridor-development-secret-do-not-use-in-production';

export function loadNodeConfig(env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const country = env.COUNTRY ?? '';
  if (!isNodeCountry(country)) {
    throw new ConfigurationError(`COUNTRY must be one of the node countries, got "${country}"`);
  }
  const jwtSecret = env.JWT_SECRET ?? (env.NODE_ENV === 'production' ? '' : DEVELOPMENT_JWT_SECRET);
  if (!jwtSecret) throw new ConfigurationError('JWT_SECRET is required in production');
  return {
    country,
    corridors: parseCorridors(env.CORRIDORS ?? 'KH>TH,LA>TH'),
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
    postgres: {
      host: env.PGHOST ?? '127.0.0.1',
      port: Number(env.PGPORT ?? 5432),
      user: env.PGUSER ?? 'postgres',
      password: env.PGPASSWORD,
    },
    jwtSecret,
  };
}

/** One database per service and country node, e.g. corridor_kh_recruitment. */
export function serviceDatabaseName(country: string, service: string): string {
  return `corridor_${country.toLowerCase().replace(/-/g, '_')}_${service.replace(/-/g, '_')}`;
}

/** The corridors this node takes part in, as origin or destination. */
export function corridorsOf(config: Pick<NodeConfig, 'country' | 'corridors'>): CorridorLink[] {
  return config.corridors.filter((c) => c.origin === config.country || c.destination === config.country);
}
