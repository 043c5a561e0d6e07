import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DEVELOPMENT_JWT_SECRET, PLATFORM_SERVICES, loadNodeConfig } from '@corridor/config';
import { dropDatabase } from '@corridor/persistence';
import { createStageServiceApp } from '@corridor/service-runtime';
import { serviceDefinitionOf } from './ops/service-definitions';

/**
 * `npm test` check step (and `npm run openapi:lint`): every service of the platform layout
 * (libs/config, so a new stage is linted without an edit) serves its OpenAPI document; each is
 * written to .data/openapi/<service>.json and linted with Redocly CLI against redocly.yaml.
 * Starts each service once on a throw-away database (Postgres and Kafka must be up).
 */
const root = path.resolve(__dirname, '..');
const out = path.join(root, '.data/openapi');

async function documentOf(service: string): Promise<unknown> {
  const config = loadNodeConfig({ ...process.env, COUNTRY: 'KH', JWT_SECRET: DEVELOPMENT_JWT_SECRET, NODE_ENV: 'test' });
  const database = `openapi_lint_${service.replace(/-/g, '_')}_${process.pid}`;
  const { app } = await createStageServiceApp(await serviceDefinitionOf(service), config, { database, startRelay: false, groupId: `kh.openapi-lint.${service}.${process.pid}` });
  try {
    return (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
  } finally {
    await app.close();
    await dropDatabase(config.postgres, database);
  }
}

async function main(): Promise<number> {
  Logger.overrideLogger(['error', 'fatal']);
  mkdirSync(out, { recursive: true });
  const files: string[] = [];
  for (const { name } of PLATFORM_SERVICES) {
    const file = path.join(out, `${name}.json`);
    writeFileSync(file, JSON.stringify(await documentOf(name), null, 2));
    files.push(file);
  }
  try {
    execFileSync(path.join(root, 'node_modules/.bin/redocly'), ['lint', '--config', path.join(root, 'redocly.yaml'), '--format', 'codeframe', ...files], { stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
  } catch {
    return 1;
  }
  console.log(`OpenAPI documents of ${PLATFORM_SERVICES.map((s) => s.name).join(', ')}: lint clean (redocly.yaml)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(2);
  },
);
