import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import type { NodeConfig } from '@corridor/config';
import { createContractsApp } from '@corridor/contracts-service';
import { createJourneyApp, journeyTopics } from '@corridor/journey-service';
import { createRecruitmentApp } from '@corridor/recruitment-service';
import { dropTestDatabases, eventually, headerOf, inOrder, readTopicToEnd, startNationalClusters, testKafka, testNodeConfig, uniqueGroupId, uniqueName, type NationalClusters } from '@corridor/testing';
import { CorridorApi, RECRUITMENT_AND_CONTRACT_STEPS, driveJourney, expectedTimeline, newJourney, readTimeline, type Country, type ServiceUrls } from '../support/journey-driver';

/**
 * The national clusters layout (ADR 0022): KH's services on a KH cluster, TH's on a TH cluster,
 * MirrorMaker 2 between them mirroring only the KH-TH corridor topics, names kept, offsets
 * translated. The demo flow runs across it, and nothing of KH's internal topics reaches TH.
 */
jest.setTimeout(15 * 60_000);

const COUNTRIES: Country[] = ['KH', 'TH'];
let clusters: NationalClusters | undefined;
const apps: INestApplication[] = [];
const databases: string[] = [];
const configs = {} as Record<Country, NodeConfig>;
const journeyGroups = {} as Record<Country, string>;
let api: CorridorApi;
const step = inOrder();

async function listening(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

beforeAll(async () => {
  clusters = await startNationalClusters();
  const urls = {} as ServiceUrls;
  for (const country of COUNTRIES) {
    const config = (country === 'KH' ? clusters.kh : clusters.th).nodeConfig(testNodeConfig(country, 'KH>TH'));
    configs[country] = config;
    const db = (service: string) => {
      const name = uniqueName(`e2e_${country.toLowerCase()}_${service}_national`);
      databases.push(name);
      return name;
    };
    journeyGroups[country] = uniqueGroupId(country, 'journey');
    const journey = (await createJourneyApp(config, { database: db('journey'), groupId: journeyGroups[country] })).app;
    const recruitment = (await createRecruitmentApp(config, { database: db('recruitment') })).app;
    const contracts = (await createContractsApp(config, { database: db('contracts'), groupId: uniqueGroupId(country, 'contracts') })).app;
    apps.push(journey, recruitment, contracts);
    urls[country] = { journey: await listening(journey), recruitment: await listening(recruitment), contracts: await listening(contracts) };
  }
  api = new CorridorApi(urls);
});

afterAll(async () => {
  for (const app of apps.reverse()) await app.close().catch(() => undefined);
  await clusters?.destroy();
  if (databases.length) await dropTestDatabases(testNodeConfig('KH'), ...databases);
});

describe('national clusters linked by MirrorMaker 2', () => {
  let journeyId = '';

  step('the demo flow runs across the two clusters: a TH job order, a KH worker matched, the contract signed and verified on both sides', async () => {
    const created = await api.post('TH', 'recruitment', '/api/v1/job-orders', {
      origin: 'KH', employerName: 'Chonburi Construction Co., Ltd.', employerRegistrationNumber: '0205561009876', workplaceProvince: 'Chonburi',
      occupationIsco: '8153', sectorIsic: '41', workersRequested: 2, wageAmountMinor: 1_100_000, wageCurrency: 'THB', wagePeriod: 'month', hoursPerDay: 8, contractMonths: 24,
    }, 'national-job-order');
    expect(created.status).toBe(201);
    const jobOrderId = created.body.jobOrderId as string;
    expect((await api.post('TH', 'recruitment', `/api/v1/job-orders/${jobOrderId}/approval`, {}, 'national-approval')).status).toBe(201);
    // The approval reaches KH only through MirrorMaker (TH's cluster -> KH's).
    await eventually(async () => ((await api.get('KH', 'recruitment', `/api/v1/job-orders/${jobOrderId}`)).body.status === 'approved' ? true : undefined), 120_000, 'the TH job order approved on KH');
    expect((await api.post('KH', 'recruitment', `/api/v1/job-orders/${jobOrderId}/verification`, {}, 'national-verification')).status).toBe(201);

    const outcome = await driveJourney(api, newJourney(1, jobOrderId), RECRUITMENT_AND_CONTRACT_STEPS, { stepDeadlineMs: 180_000, inProgressGraceMs: 20_000, retryMs: 500 });
    expect(outcome.error).toBeUndefined();
    expect(outcome.completedSteps).toBe(RECRUITMENT_AND_CONTRACT_STEPS.length);
    journeyId = outcome.journey.journeyId!;
    for (const country of COUNTRIES) {
      const entries = await readTimeline(api, country, journeyId);
      expect(entries?.map((e) => e.eventType)).toEqual(expectedTimeline(RECRUITMENT_AND_CONTRACT_STEPS, country));
    }
  });

  step('no record of KH\'s internal topics reaches the TH cluster; the corridor records cross once, both ways', async () => {
    const admin = (brokers: string[]) => testKafka('national-topics', brokers).admin();
    const topicsOf = async (brokers: string[]) => {
      const a = admin(brokers);
      await a.connect();
      try {
        return (await a.listTopics()).filter((t) => !t.startsWith('__'));
      } finally {
        await a.disconnect();
      }
    };
    const khTopics = await topicsOf(clusters!.kh.brokers);
    const thTopics = await topicsOf(clusters!.th.brokers);
    const khInternal = khTopics.filter((t) => t.startsWith('country.kh.'));
    const khInternalRecords = await readTopicToEnd(clusters!.kh.brokers, khInternal);
    // KH's internal topics do hold the journey (WorkerRegistered at least) on KH's cluster...
    expect(khInternalRecords.filter((r) => r.message.key?.toString() === journeyId).length).toBeGreaterThan(0);
    // ...and the TH cluster has no such topic, and no record anywhere that is one of them.
    expect(thTopics.filter((t) => t.startsWith('country.kh.'))).toEqual([]);
    const internalIds = new Set(khInternalRecords.map((r) => headerOf(r, 'event-id')).filter(Boolean));
    const everythingOnTh = await readTopicToEnd(clusters!.th.brokers, thTopics);
    expect(everythingOnTh.filter((r) => internalIds.has(headerOf(r, 'event-id')))).toEqual([]);
    expect(everythingOnTh.filter((r) => r.message.value?.includes(Buffer.from(journeyId)) && !r.topic.startsWith('corridor.kh-th.')).map((r) => r.topic)).toEqual([]);

    // Each corridor record of the journey is on both clusters exactly once (nothing went round).
    const corridorTopics = khTopics.filter((t) => t.startsWith('corridor.kh-th.') && !t.endsWith('.dlq'));
    const ids = async (brokers: string[], existing: string[]) =>
      (await readTopicToEnd(brokers, corridorTopics.filter((t) => existing.includes(t))))
        .filter((r) => r.message.key?.toString() === journeyId)
        .map((r) => headerOf(r, 'event-id'))
        .sort();
    const onKh = await ids(clusters!.kh.brokers, khTopics);
    const onTh = await ids(clusters!.th.brokers, thTopics);
    expect(onKh.length).toBeGreaterThanOrEqual(expectedTimeline(RECRUITMENT_AND_CONTRACT_STEPS, 'TH').length);
    expect(new Set(onKh).size).toBe(onKh.length);
    expect(onTh).toEqual(onKh);
  });

  step('consumer offsets are translated: KH\'s journey group has its corridor offsets on the TH cluster too', async () => {
    const topics = journeyTopics(configs.KH).filter((t) => t.startsWith('corridor.kh-th.'));
    const admin = testKafka('national-offsets', clusters!.th.brokers).admin();
    await admin.connect();
    try {
      const translated = await eventually(
        async () => {
          const offsets = await admin.fetchOffsets({ groupId: journeyGroups.KH, topics });
          const committed = offsets.flatMap((t) => t.partitions.map((p) => Number(p.offset))).filter((o) => o > 0);
          return committed.length ? committed : undefined;
        },
        120_000,
        `offsets of ${journeyGroups.KH} on the TH cluster`,
      );
      expect(translated.length).toBeGreaterThan(0);
    } finally {
      await admin.disconnect();
    }
    const log = readFileSync(clusters!.mirrorMakerLog, 'utf8');
    expect(log).toContain('Kafka MirrorMaker started');
    expect(log.split('\n').filter((l) => / (ERROR|WARN) /.test(l) && !/ServiceLoader|plugins are missing/.test(l))).toEqual([]);
  });
});
