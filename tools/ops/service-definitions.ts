import path from 'node:path';
import type { ServiceDefinition } from '@corridor/service-runtime';

const root = path.resolve(__dirname, '../..');

/** A platform-layout service's definition: the export of services/<name>/src/index.ts that defines it. */
export async function serviceDefinitionOf(service: string): Promise<ServiceDefinition> {
  const exports = (await import(path.join(root, 'services', service, 'src', 'index.ts'))) as Record<string, unknown>;
  const definition = Object.values(exports).find((value): value is ServiceDefinition => typeof value === 'object' && value !== null && (value as ServiceDefinition).name === service && 'features' in value);
  if (!definition) throw new Error(`services/${service}/src/index.ts exports no service definition named ${service}`);
  return definition;
}
