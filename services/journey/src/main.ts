import 'reflect-metadata';
import { loadNodeConfig } from '@corridor/config';
import { serveUntilStopped } from '@corridor/service-runtime';
import { createJourneyApp } from './journey.app';

async function main(): Promise<void> {
  const config = loadNodeConfig();
  const { app } = await createJourneyApp(config, { database: process.env.DATABASE_NAME, groupId: process.env.CONSUMER_GROUP });
  await serveUntilStopped(app, Number(process.env.PORT ?? 3106), `${config.country} journey`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
