import { serviceDatabaseName, type NodeConfig } from '@corridor/config';
import { createServiceApp, type ServiceApp } from '@corridor/service-runtime';
import { RecruitmentModule, SERVICE_NAME, type RecruitmentRuntime } from './recruitment.module';

/** The recruitment service of one country node, ready to listen or to test in-process. */
export function createRecruitmentApp(config: NodeConfig, runtime: RecruitmentRuntime = {}): Promise<ServiceApp> {
  const database = runtime.database ?? serviceDatabaseName(config.country, SERVICE_NAME);
  return createServiceApp({
    config,
    database,
    rootModule: RecruitmentModule.forNode(config, { ...runtime, database }),
    http: {
      title: `Corridor recruitment (${config.country})`,
      description: 'Workers, consent and registration at origin; publishes the recruitment stage of every journey.',
    },
  });
}
