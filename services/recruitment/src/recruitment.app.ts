import { consumerGroupId, serviceDatabaseName, type NodeConfig } from '@corridor/config';
import { createServiceApp, type ServiceApp } from '@corridor/service-runtime';
import { RecruitmentModule, SERVICE_NAME, recruitmentCorridorTopics, type RecruitmentRuntime } from './recruitment.module';

/** The recruitment service of one country node, ready to listen or to test in-process. */
export function createRecruitmentApp(config: NodeConfig, runtime: RecruitmentRuntime = {}): Promise<ServiceApp> {
  const standard = serviceDatabaseName(config.country, SERVICE_NAME);
  const database = runtime.database ?? standard;
  // The replica lives in the database, so a separate database (e.g. a test's) needs its own group.
  const groupId = runtime.groupId ?? consumerGroupId(config.country, database === standard ? SERVICE_NAME : `${SERVICE_NAME}.${database}`);
  return createServiceApp({
    config,
    database,
    rootModule: RecruitmentModule.forNode(config, { ...runtime, database }),
    http: {
      title: `Corridor recruitment (${config.country})`,
      description:
        'Workers, consent and registration, licensed agencies, job orders (demand letters), matching, pre-departure orientation and fees; publishes the recruitment stage of every journey.',
    },
    subscription: { groupId, topics: recruitmentCorridorTopics(config) },
  });
}
