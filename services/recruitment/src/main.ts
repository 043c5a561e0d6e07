import 'reflect-metadata';
import { loadNodeConfig } from '@corridor/config';
import { serveUntilStopped } from '@corridor/service-runtime';
import { createRecruitmentApp } from './recruitment.app';

async function main(): Promise<void> {
  const config = loadNodeConfig();
  const { app } = await createRecruitmentApp(config, { database: process.env.DATABASE_NAME });
  await serveUntilStopped(app, Number(process.env.PORT ?? 3101), `${config.country} recruitment`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
