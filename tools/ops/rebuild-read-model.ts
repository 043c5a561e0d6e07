import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { consumerGroupId, loadNodeConfig, serviceDatabaseName } from '@corridor/config';
import { createKafka } from '@corridor/messaging';
import { rebuildReadModel, serviceConsumerGroup } from '@corridor/service-runtime';
import { serviceDefinitionOf } from './service-definitions';

/**
 * `npm run rebuild -- --service contracts --read-model recruitment-replica` (docs/runbook.md
 * "Rebuilding a read model"), with the service stopped, as the node (COUNTRY, PG*, KAFKA_*);
 * DATABASE_NAME and CONSUMER_GROUP as the service was run with. Without --read-model: lists them.
 * Exit 0: rebuilt (start the service); 1: refused (e.g. the service still runs); 2: usage.
 */
const { values } = parseArgs({ options: { service: { type: 'string' }, 'read-model': { type: 'string' } } });

async function main(): Promise<number> {
  Logger.overrideLogger(['warn', 'error', 'fatal']);
  if (!values.service) {
    console.error('usage: npm run rebuild -- --service <name> [--read-model <name>]');
    return 2;
  }
  const definition = await serviceDefinitionOf(values.service);
  const models = definition.readModels ?? [];
  const readModel = models.find((m) => m.name === values['read-model']);
  if (!readModel) {
    console.log(`read models of ${definition.name}: ${models.map((m) => m.name).join(', ') || 'none declared (ServiceDefinition.readModels)'}`);
    return values['read-model'] ? 2 : 0;
  }
  const config = loadNodeConfig(process.env);
  const database = process.env.DATABASE_NAME || serviceDatabaseName(config.country, definition.name);
  const groupId = process.env.CONSUMER_GROUP || serviceConsumerGroup(config, definition.name, database);
  const dataSource = await new DataSource({ type: 'postgres', ...config.postgres, username: config.postgres.user, database }).initialize();
  try {
    const report = await rebuildReadModel({
      readModel,
      dataSource,
      kafka: createKafka(`ops-rebuild-${config.country.toLowerCase()}`, { brokers: config.kafkaBrokers, sasl: config.kafkaSasl }),
      groupId,
      topics: definition.consumes?.(config) ?? [],
      readerGroupId: consumerGroupId(config.country, `ops.rebuild.${Date.now()}`),
    });
    console.log(`${definition.name} ${readModel.name} emptied in ${database}; ${report.events} event(s) of ${report.eventTypes.length} type(s) will be applied again (${report.inboxRowsRemoved} inbox row(s) removed); group ${groupId} rewound to the start: start the service`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
