import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { KAFKA_ADMIN_PRINCIPAL, kafkaCredentialsFile, kafkaSaslFromFile, type KafkaSasl } from '@corridor/config';

/** Credentials files of brokers other than the installation's (private brokers), by bootstrap address. */
const credentialsByBroker = new Map<string, string>();

/** A private broker (own data dir, own credentials) tells test clients where its credentials are. */
export function registerBrokerCredentials(brokers: string[], file: string): void {
  for (const broker of brokers) credentialsByBroker.set(broker, file);
}

/**
 * The SASL settings tests use on `brokers`: the admin principal (a super user: reads and creates
 * anything) unless a node country is given. Credentials come from the private broker's file when
 * the brokers are a private broker's, else from the installation's file (KAFKA_DATA_DIR or
 * KAFKA_CREDENTIALS_FILE, see libs/config kafka-identity.ts). The one place tests get Kafka
 * credentials from.
 */
export function testKafkaSasl(brokers: string[], as: string = KAFKA_ADMIN_PRINCIPAL): KafkaSasl | undefined {
  const file = brokers.map((b) => credentialsByBroker.get(b)).find(Boolean) ?? kafkaCredentialsFile();
  return kafkaSaslFromFile(file, as);
}

/** A quiet kafkajs client for tests, authenticated as the admin (default) or a node country's principal. */
export function testKafka(clientId: string, brokers: string[], as: string = KAFKA_ADMIN_PRINCIPAL, overrides: Partial<KafkaConfig> = {}): Kafka {
  const sasl = testKafkaSasl(brokers, as);
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, ...(sasl ? { sasl } : {}), ...overrides });
}
