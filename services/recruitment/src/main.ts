import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadNodeConfig } from '@corridor/config';
import { createRecruitmentApp } from './recruitment.app';

async function main(): Promise<void> {
  const config = loadNodeConfig();
  const { app } = await createRecruitmentApp(config);
  const port = Number(process.env.PORT ?? 3100);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  new Logger('Recruitment').log(`${config.country} recruitment listening on http://127.0.0.1:${port} (docs /api/docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
