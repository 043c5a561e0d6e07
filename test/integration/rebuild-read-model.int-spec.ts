import request from 'supertest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createKafka } from '@corridor/messaging';
import { rebuildReadModel } from '@corridor/service-runtime';
import { aJobOrder, bearer, dropTestDatabases, eventually, startConsumerGroupAtEnd, testNodeConfig, uniqueGroupId, uniqueName } from '@corridor/testing';
import { ContractsService, createContractsApp } from '@corridor/contracts-service';
// Cross-service by design: TH recruitment's job order is what KH contracts replicates.
import { createRecruitmentApp } from '@corridor/recruitment-service';

/**
 * `npm run rebuild` (rebuildReadModel) on the real broker and Postgres: KH contracts' replica of
 * the corridor's job orders is emptied with the service stopped and filled again from Kafka at its
 * next start, to the same state; a service still running is refused.
 */
jest.setTimeout(180_000);

const kh = testNodeConfig('KH', 'KH>TH');
const th = testNodeConfig('TH', 'KH>TH');
const contractsDb = uniqueName('it_kh_contracts_rebuild');
const recruitmentDb = uniqueName('it_th_recruitment_rebuild');
const group = uniqueGroupId('KH', 'contracts-rebuild');
const topics = ContractsService.consumes!(kh);
const kafka = createKafka('it-rebuild', { brokers: kh.kafkaBrokers, sasl: kh.kafkaSasl });
const readModel = ContractsService.readModels!.find((m) => m.name === 'recruitment-replica')!;

async function replicaOf(jobOrderId: string): Promise<{ status: string }[]> {
  const db = new Client({ ...kh.postgres, database: contractsDb });
  await db.connect();
  try {
    return (await db.query('SELECT status FROM job_order_replica WHERE id = $1', [jobOrderId])).rows;
  } finally {
    await db.end();
  }
}

afterAll(async () => {
  await dropTestDatabases(kh, contractsDb, recruitmentDb);
});

describe('rebuilding a read model from Kafka', () => {
  it('empties the replica and forgets its events; the service fills it again to the same state at its next start', async () => {
    await startConsumerGroupAtEnd(kh.kafkaBrokers, group, topics);
    const thRecruitment = (await createRecruitmentApp(th, { database: recruitmentDb })).app;
    let contracts = (await createContractsApp(kh, { database: contractsDb, groupId: group })).app;
    const officer = bearer('TH', ['destination-officer']);
    const jobOrderId = (await request(thRecruitment.getHttpServer()).post('/api/v1/job-orders').set('Authorization', officer).send(aJobOrder()).expect(201)).body.jobOrderId as string;
    await request(thRecruitment.getHttpServer()).post(`/api/v1/job-orders/${jobOrderId}/approval`).set('Authorization', officer).send({}).expect(201);
    await thRecruitment.close();
    const before = await eventually(async () => {
      const rows = await replicaOf(jobOrderId);
      return rows[0]?.status === 'approved' ? rows : undefined;
    }, 30_000, 'the approved job order in the KH contracts replica');

    const dataSource = await new DataSource({ type: 'postgres', ...kh.postgres, username: kh.postgres.user, database: contractsDb }).initialize();
    try {
      const rebuild = () => rebuildReadModel({ readModel, dataSource, kafka, groupId: group, topics, readerGroupId: uniqueGroupId('KH', 'ops.rebuild') });
      await expect(rebuild()).rejects.toThrow(/stop the service/);
      await contracts.close();
      const report = await rebuild();
      expect(report.eventTypes).toEqual(expect.arrayContaining(['corridor.v1.JobOrderCreated', 'corridor.v1.JobOrderApproved']));
      expect(report.inboxRowsRemoved).toBeGreaterThanOrEqual(2);
      expect(await replicaOf(jobOrderId)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }

    contracts = (await createContractsApp(kh, { database: contractsDb, groupId: group })).app;
    try {
      const after = await eventually(async () => {
        const rows = await replicaOf(jobOrderId);
        return rows[0]?.status === 'approved' ? rows : undefined;
      }, 120_000, 'the job order replicated again'); // replayed from the start of topics every suite of the run writes to
      expect(after).toEqual(before);
    } finally {
      await contracts.close();
    }
  });
});
