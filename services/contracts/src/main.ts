import 'reflect-metadata';
import { loadNodeConfig } from '@corridor/config';
import { serveUntilStopped } from '@corridor/service-runtime';
import { createContractsApp } from './contracts.app';

async function main(): Promise<void> {
  const config = loadNodeConfig();
  const { app } = await createContractsApp(config, { database: process.env.DATABASE_NAME });
  await serveUntilStopped(app, Number(process.env.PORT ?? 3102), `${config.country} contracts`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
