import { parseArgs } from 'node:util';
import { loadNodeConfig } from '@corridor/config';
import { rebuildJourneyReadModel } from '@corridor/journey-service';

/**
 * `npm run rebuild:journey -- --database corridor_kh_journey_rebuilt` (COUNTRY, CORRIDORS and the
 * Kafka/Postgres settings from the environment, as for the service): replays every topic of the
 * node's journeys from the beginning into a fresh read model in that database, then prints what it
 * read. Point the journey service at it with DATABASE_NAME; the old database is left untouched.
 */
const { values } = parseArgs({ options: { database: { type: 'string' }, 'timeout-seconds': { type: 'string' } } });
if (!values.database) {
  console.error('usage: npm run rebuild:journey -- --database <new database> [--timeout-seconds 600]');
  process.exit(2);
}

rebuildJourneyReadModel(loadNodeConfig(process.env), { database: values.database }, Number(values['timeout-seconds'] ?? 600) * 1000)
  .then((report) => {
    console.log(`rebuilt ${report.database} (group ${report.groupId}): ${report.records} records on the topics, ${report.events} timeline events, ${report.millis} ms`);
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
