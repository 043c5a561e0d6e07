import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { consumerGroupId, kafkaCredentialsFile, nodePrincipalName } from './kafka-identity';
import { ConfigurationError, loadNodeConfig } from './node-config';

describe('Kafka identity of a node', () => {
  it('names principals and consumer groups by country, as topics do', () => {
    expect(nodePrincipalName('KH')).toBe('node-kh');
    expect(nodePrincipalName('CN-YN')).toBe('node-cn_yn');
    expect(consumerGroupId('KH', 'journey')).toBe('kh.journey');
  });

  it('takes the credentials from KAFKA_SASL_USERNAME/PASSWORD when set', () => {
    const config = loadNodeConfig({ COUNTRY: 'KH', KAFKA_SASL_USERNAME: 'node-kh', KAFKA_SASL_PASSWORD: 'p' });
    expect(config.kafkaSasl).toEqual({ mechanism: 'scram-sha-512', username: 'node-kh', password: 'p' });
    expect(() => loadNodeConfig({ COUNTRY: 'KH', KAFKA_SASL_USERNAME: 'node-kh' })).toThrow(ConfigurationError);
  });

  it('requires them in production', () => {
    expect(() => loadNodeConfig({ COUNTRY: 'KH', NODE_ENV: 'production', JWT_SECRET: 's' })).toThrow(/KAFKA_SASL_USERNAME/);
  });

  it("reads the node's entry of the installation's credentials file in development", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'creds-'));
    const file = path.join(dir, 'credentials.json');
    writeFileSync(file, JSON.stringify({ version: 1, mechanism: 'SCRAM-SHA-512', principals: { TH: { username: 'node-th', password: 'secret' } } }));
    expect(loadNodeConfig({ COUNTRY: 'TH', KAFKA_CREDENTIALS_FILE: file }).kafkaSasl).toEqual({ mechanism: 'scram-sha-512', username: 'node-th', password: 'secret' });
    expect(loadNodeConfig({ COUNTRY: 'KH', KAFKA_CREDENTIALS_FILE: file }).kafkaSasl).toBeUndefined();
    expect(kafkaCredentialsFile({ KAFKA_DATA_DIR: dir })).toBe(file);
  });
});
