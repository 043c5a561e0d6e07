import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { NodeConfig } from '@corridor/config';
import type { ServiceApp, ServiceRuntime } from '@corridor/service-runtime';
import { ContractsService, createContractsApp } from '@corridor/contracts-service';
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';
import { createRecruitmentApp } from '@corridor/recruitment-service';
import { GENERATED_STAGE_APPS } from './stage-services';
import { aWorkerRegistration, bearer, dropTestDatabases, eventually, startConsumerGroupAtEnd, testNodeConfig, uniqueName, uniqueGroupId } from '@corridor/testing';

export { aWorkerRegistration };

/**
 * How each service of a country node is created, by its platform-layout name: the three written
 * by hand and every generated stage service (test/support/stage-services.ts, which the
 * stage-service generator extends). Suites that need each service once (the OpenAPI schema suite)
 * go through this, so a new stage is covered without an edit.
 */
export const SERVICE_APPS: Record<string, (config: NodeConfig, runtime: ServiceRuntime) => Promise<ServiceApp>> = {
  recruitment: createRecruitmentApp,
  contracts: createContractsApp,
  journey: createJourneyApp,
  ...GENERATED_STAGE_APPS,
};

export interface CountryNode {
  country: string;
  recruitment: INestApplication;
  journey: INestApplication;
  /** Started only when asked for (`withContracts`). */
  contracts?: INestApplication;
  /** The generated stage services (test/support/stage-services.ts), started with `withContracts`. */
  stages: Record<string, INestApplication>;
}

/**
 * Several country nodes (`withContracts`: every stage service, not only recruitment and journey) on the one real Kafka cluster and Postgres server, each service with a
 * throw-away database and its own consumer group, as `npm start` runs them but in-process.
 */
export async function startCountryNodes(
  countries: string[],
  corridors = 'KH>TH,LA>TH',
  options: {
    withContracts?: boolean;
    stageRuntime?: Pick<ServiceRuntime, 'clock' | 'scheduler'>;
    /** The node's configuration (default: testNodeConfig on the run's broker), e.g. on a private broker or with other corridor policies. */
    nodeConfig?: (country: string, corridors: string) => NodeConfig;
  } = {},
) {
  const databases: string[] = [];
  const nodes: Record<string, CountryNode> = {};
  for (const country of countries) {
    const config = options.nodeConfig?.(country, corridors) ?? testNodeConfig(country, corridors);
    const journeyDb = uniqueName(`e2e_${country.toLowerCase()}_journey`);
    const recruitmentDb = uniqueName(`e2e_${country.toLowerCase()}_recruitment`);
    databases.push(journeyDb, recruitmentDb);
    const journey = (await createJourneyApp(config, { database: journeyDb, groupId: await groupAtEnd(config, 'journey', journeyTopics(config)) })).app;
    const recruitment = (await createRecruitmentApp(config, { database: recruitmentDb })).app;
    let contracts: INestApplication | undefined;
    if (options.withContracts) {
      const contractsDb = uniqueName(`e2e_${country.toLowerCase()}_contracts`);
      databases.push(contractsDb);
      contracts = (await createContractsApp(config, { database: contractsDb, groupId: await groupAtEnd(config, 'contracts', ContractsService.consumes!(config)) })).app;
    }
    const stages: Record<string, INestApplication> = {};
    if (options.withContracts) {
      for (const [stage, createApp] of Object.entries(GENERATED_STAGE_APPS)) {
        const stageDb = uniqueName(`e2e_${country.toLowerCase()}_${stage.replace(/-/g, '_')}`);
        databases.push(stageDb);
        stages[stage] = (await createApp(config, { database: stageDb, ...options.stageRuntime })).app;
      }
    }
    nodes[country] = { country, recruitment, journey, contracts, stages };
  }
  return {
    nodes,
    async stop(): Promise<void> {
      for (const node of Object.values(nodes)) {
        for (const stage of Object.values(node.stages)) await stage.close();
        await node.contracts?.close();
        await node.recruitment.close();
        await node.journey.close();
      }
      await dropTestDatabases(testNodeConfig('KH'), ...databases);
    },
  };
}

/**
 * A new consumer group of a node's service, moved to the end of its topics: the records other
 * suites of the run left there are none of this suite's business (replaying them made the
 * contract replicas warn about contracts they never held).
 */
export async function groupAtEnd(config: NodeConfig, service: string, topics: string[]): Promise<string> {
  const groupId = uniqueGroupId(config.country, service);
  await startConsumerGroupAtEnd(config.kafkaBrokers, groupId, topics);
  return groupId;
}

export async function registerWorker(node: CountryNode, overrides: Record<string, unknown> = {}, token = bearer(node.country, ['ministry-officer'])) {
  const response = await request(node.recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', token).send(aWorkerRegistration(overrides));
  if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { workerId: string; journeyId: string };
}

/** Waits until the node's journey timeline holds at least `count` events of the journey. */
export async function timelineOf(node: CountryNode, journeyId: string, count: number, roles: Parameters<typeof bearer>[1] = ['ministry-officer']) {
  return eventually(async () => {
    const response = await request(node.journey.getHttpServer())
      .get(`/api/v1/journeys/${journeyId}/timeline`)
      .set('Authorization', bearer(node.country, roles));
    return response.status === 200 && response.body.entries.length >= count ? response.body : undefined;
  }, 20_000, `${count} event(s) of journey ${journeyId} on the ${node.country} timeline`);
}

/** A KH→TH job order TH created and approved and KH verified (as it stands on both nodes once KH has verified). */
export async function aVerifiedJobOrder(kh: CountryNode, th: CountryNode, overrides: Record<string, unknown> = {}): Promise<string> {
  const thOfficer = bearer('TH', ['destination-officer']);
  const khMinistry = bearer('KH', ['ministry-officer']);
  const created = await request(th.recruitment.getHttpServer())
    .post('/api/v1/job-orders')
    .set('Authorization', thOfficer)
    .send({
      origin: 'KH', employerName: 'Samut Prakan Garments Co., Ltd.', employerRegistrationNumber: '0115560004321', workplaceProvince: 'Samut Prakan',
      occupationIsco: '8153', sectorIsic: '14', workersRequested: 1, wageAmountMinor: 1_050_000, wageCurrency: 'THB', wagePeriod: 'month', hoursPerDay: 8, contractMonths: 24,
      ...overrides,
    });
  if (created.status !== 201) throw new Error(`job order answered ${created.status}: ${JSON.stringify(created.body)}`);
  const id = created.body.jobOrderId as string;
  const approved = await request(th.recruitment.getHttpServer()).post(`/api/v1/job-orders/${id}/approval`).set('Authorization', thOfficer).send({});
  if (approved.status !== 201) throw new Error(`approval answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  await eventually(async () => ((await request(kh.recruitment.getHttpServer()).get(`/api/v1/job-orders/${id}`).set('Authorization', khMinistry)).body.status === 'approved' ? true : undefined), 30_000, `job order ${id} approved on KH`);
  const verified = await request(kh.recruitment.getHttpServer()).post(`/api/v1/job-orders/${id}/verification`).set('Authorization', khMinistry).send({});
  if (verified.status !== 201) throw new Error(`verification answered ${verified.status}: ${JSON.stringify(verified.body)}`);
  return id;
}
