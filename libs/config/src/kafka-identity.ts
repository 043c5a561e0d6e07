import { existsSync, readFileSync } from 'node:fs';
import { repoRoot } from './repo-root';
import path from 'node:path';
import type { NodeCountry } from '@corridor/reference-data';

/**
 * Who a Kafka client is on the shared cluster (ADR 0007). Every country node has its own SCRAM
 * principal; `admin` is the tooling/test super user and `broker` the broker's own identity.
 * This file is the one place that decides the names, the group-id prefix and where credentials
 * come from.
 */
export const KAFKA_SASL_MECHANISM = 'scram-sha-512' as const;

export interface KafkaSasl {
  mechanism: typeof KAFKA_SASL_MECHANISM;
  username: string;
  password: string;
}

/** The per-installation credentials file written by infra/kafka/broker.sh (mode 600, never committed). */
export interface KafkaCredentialsFile {
  version: 1;
  mechanism: 'SCRAM-SHA-512';
  /** Keyed by "admin", "broker" or a node country code ("KH", "CN-YN"). */
  principals: Record<string, { username: string; password: string }>;
}

export const KAFKA_ADMIN_PRINCIPAL = 'admin';
export const KAFKA_BROKER_PRINCIPAL = 'broker';

/** KH -> kh, CN-YN -> cn_yn: the country as it appears in topic names, group ids and principals. */
export function kafkaCountry(country: string): string {
  return country.toLowerCase().replace(/-/g, '_');
}

/** The SCRAM user name of a country node, e.g. node-kh (principal User:node-kh). */
export function nodePrincipalName(country: string): string {
  return `node-${kafkaCountry(country)}`;
}

/** Every consumer group of a country node starts with this, e.g. "kh." (ACLs grant READ on the prefix). */
export function consumerGroupPrefix(country: string): string {
  return `${kafkaCountry(country)}.`;
}

/** A consumer group id of a country node, e.g. consumerGroupId('KH', 'journey') = "kh.journey". */
export function consumerGroupId(country: string, name: string): string {
  return `${consumerGroupPrefix(country)}${name}`;
}

const REPO_ROOT = repoRoot();

/**
 * Where the credentials of this installation's dev/test broker are: KAFKA_CREDENTIALS_FILE, else
 * <KAFKA_DATA_DIR>/credentials.json (the broker's data dir, default .data/kafka, relative to the
 * repo root) — the same rule infra/kafka/broker.sh follows.
 */
export function kafkaCredentialsFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KAFKA_CREDENTIALS_FILE) return path.resolve(REPO_ROOT, env.KAFKA_CREDENTIALS_FILE);
  return path.resolve(REPO_ROOT, env.KAFKA_DATA_DIR ?? '.data/kafka', 'credentials.json');
}

export function readKafkaCredentials(file: string): KafkaCredentialsFile | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KafkaCredentialsFile;
  if (parsed.version !== 1 || typeof parsed.principals !== 'object') throw new Error(`${file} is not a Corridor Kafka credentials file`);
  return parsed;
}

/** The SASL settings of one principal ("admin" or a node country) from a credentials file; undefined when the file or entry is missing. */
export function kafkaSaslFromFile(file: string, principal: string): KafkaSasl | undefined {
  const entry = readKafkaCredentials(file)?.principals[principal];
  return entry ? { mechanism: KAFKA_SASL_MECHANISM, username: entry.username, password: entry.password } : undefined;
}

/**
 * The SASL settings of a country node's services:
 * - KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD when set (production: required);
 * - otherwise, outside production, the node's entry in the per-installation credentials file;
 * - undefined when neither exists (the client then connects without SASL and the broker refuses).
 */
export function nodeKafkaSasl(country: NodeCountry, env: NodeJS.ProcessEnv, fail: (message: string) => Error): KafkaSasl | undefined {
  if (env.KAFKA_SASL_USERNAME || env.KAFKA_SASL_PASSWORD) {
    if (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD) throw fail('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together');
    return { mechanism: KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD };
  }
  if (env.NODE_ENV === 'production') throw fail('production needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (the node\'s Kafka principal)');
  return kafkaSaslFromFile(kafkaCredentialsFile(env), country);
}
