import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { fromBinary } from '@bufbuild/protobuf';
import { loadPersonDataKeys, openSealed, SealedBoxError } from '@corridor/crypto';
import { ConsentToShareWithdrawnSchema, PersonDataSchema, STAGES, WorkerNominatedSchema, corridorTopic, decodeEnvelope } from '@corridor/events';
import { AuditHeadPublisher } from '@corridor/service-runtime';
import { AuditSequencer, checkPartnerHeads, heldAuditHeads, recomputeHash, verifyAuditChain, type AuditLogRow } from '@corridor/audit';
import { bearer, eventually, readTopic, readTopicToEnd, testKafka, testNodeConfig, type ReadRecord } from '@corridor/testing';
import { aWorkerRegistration, registerWorker, startCountryNodes, timelineOf } from '../support/country-nodes';

jest.setTimeout(120_000);

const brokers = testNodeConfig('KH').kafkaBrokers;
const khToThTopics = STAGES.map((stage) => corridorTopic('KH', 'TH', stage));
let platform: Awaited<ReturnType<typeof startCountryNodes>>;

beforeAll(async () => {
  platform = await startCountryNodes(['KH', 'TH', 'LA']);
});

afterAll(async () => {
  await platform?.stop();
});

const kh = () => platform.nodes.KH;
const th = () => platform.nodes.TH;
const khOfficer = () => bearer('KH', ['ministry-officer']);
const recruitmentDatabase = () => kh().recruitment.get(DataSource).options.database as string;

async function nominate(workerId: string, destination = 'TH') {
  return request(kh().recruitment.getHttpServer()).post(`/api/v1/workers/${workerId}/nominations`).set('Authorization', khOfficer()).send({ destination });
}

/** The topics KH recruitment's outbox holds rows for, for one journey: what it published or will publish. */
async function outboxTopicsOf(journeyId: string): Promise<string[]> {
  const client = new Client({ ...testNodeConfig('KH').postgres, database: recruitmentDatabase() });
  await client.connect();
  try {
    return (await client.query<{ topic: string }>('SELECT topic FROM outbox WHERE record_key = $1 ORDER BY id', [journeyId])).rows.map((r) => r.topic);
  } finally {
    await client.end();
  }
}

/**
 * Every record of this journey on the KH→TH topics, read with a plain consumer as the cluster admin:
 * defence in depth, as LA's own principal may not read them at all (test/integration/kafka-acls).
 */
async function corridorRecordsOf(journeyId: string, atLeast: number): Promise<ReadRecord[]> {
  // From the beginning of topics every suite of the run writes to: the time this takes grows with the run.
  const records = await readTopic(brokers, khToThTopics, (all) => all.filter((r) => r.message.key?.toString() === journeyId).length >= atLeast, 60_000);
  return records.filter((r) => r.message.key?.toString() === journeyId);
}

describe('person data crossing the KH→TH corridor', () => {
  const person = {
    fullName: 'ចាន់ សុភា',
    fullNameLatin: 'Chan Sophea',
    birthDate: '1996-11-02',
    documentNumber: 'NK7781234',
  };

  it('is ciphertext only for anyone reading the shared cluster; only TH can open it', async () => {
    const worker = await registerWorker(kh(), person);
    expect((await nominate(worker.workerId)).status).toBe(201);
    await timelineOf(th(), worker.journeyId, 1, ['destination-officer']);

    const records = await corridorRecordsOf(worker.journeyId, 1);
    expect(records.length).toBeGreaterThanOrEqual(1);
    for (const record of records) {
      const raw = record.message.value!;
      for (const secret of [person.fullName, person.fullNameLatin, person.birthDate, person.documentNumber, 'Chan', 'Sophea']) {
        expect(raw.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      }
    }

    // Positive control: the data is there, sealed for TH, and TH's key opens it.
    const envelope = decodeEnvelope(records[0].message.value);
    const nominated = fromBinary(WorkerNominatedSchema, envelope.payload);
    expect(nominated.sealedPersonData.length).toBeGreaterThan(0);
    expect(envelope.encryptionKeyId).toBe(loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH').activeTransitKey.keyId);
    const aad = new TextEncoder().encode(worker.journeyId);
    const opened = fromBinary(PersonDataSchema, openSealed(nominated.sealedPersonData, loadPersonDataKeys({ NODE_ENV: 'test' }, 'TH').privateTransitKeys, aad));
    expect(opened).toMatchObject({ fullName: person.fullName, fullNameLatin: person.fullNameLatin, birthDate: person.birthDate, documentNumber: person.documentNumber });
    // LA, on the same cluster, holds the bytes but not the key.
    expect(() => openSealed(nominated.sealedPersonData, loadPersonDataKeys({ NODE_ENV: 'test' }, 'LA').privateTransitKeys, aad)).toThrow(SealedBoxError);
  });

  it('no record on any KH→TH topic, from any test or run, holds a known name, birth date or document number in clear', async () => {
    const worker = await registerWorker(kh(), { ...person, documentNumber: 'NK7781299' });
    expect((await nominate(worker.workerId)).status).toBe(201);
    await corridorRecordsOf(worker.journeyId, 1);
    // Every record there is, on every partition, up to the end offsets.
    const all = await readTopicToEnd(brokers, khToThTopics);
    expect(all.length).toBeGreaterThan(0);
    // The fixtures every suite registers workers with, in both scripts.
    const secrets = [person.fullName, person.fullNameLatin, person.documentNumber, 'NK7781299', 'សុខ ដារ៉ា', 'Sok Dara', '1998-04-17', '1996-11-02', 'ສົມພອນ', 'Somphone'];
    const leaks = all.filter((record) => secrets.some((secret) => record.message.value?.includes(Buffer.from(secret, 'utf8'))));
    expect(leaks.map((r) => `${r.topic}@${r.message.offset}`)).toEqual([]);
  });

  it('is never sent along a corridor that is not open: KH→LA publishes nothing', async () => {
    const worker = await registerWorker(kh());
    const refused = await nominate(worker.workerId, 'LA');
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: 'https://corridor.gms/problems/corridor-not-open', origin: 'KH', destination: 'LA' });
    // What KH will ever publish for this journey is in its outbox: the registration, on KH's own topic.
    expect(await outboxTopicsOf(worker.journeyId)).toEqual([expect.stringMatching(/^country\.kh\./)]);
    // And on the cluster: every KH→LA topic that exists (listing them creates none), read to its end.
    const admin = testKafka('test-kh-la', brokers).admin();
    await admin.connect();
    const khToLa = STAGES.map((stage) => corridorTopic('KH', 'LA', stage));
    const existing = await admin.listTopics().finally(() => admin.disconnect());
    const onLaTopics = await readTopicToEnd(brokers, khToLa.filter((topic) => existing.includes(topic)));
    expect(onLaTopics.filter((r) => r.message.key?.toString() === worker.journeyId)).toHaveLength(0);
  });

  it('stops after the worker withdraws consent: later cross-border events carry none', async () => {
    const worker = await registerWorker(kh());
    const withdrawn = await request(kh().recruitment.getHttpServer())
      .post(`/api/v1/workers/${worker.workerId}/consent-withdrawals`)
      .set('Authorization', khOfficer())
      .send({ howGiven: 'signed-form' });
    expect(withdrawn.status).toBe(201);
    const nominated = await nominate(worker.workerId);
    expect(nominated.status).toBe(201);
    expect(nominated.body.personDataShared).toBe(false);

    const [record] = await corridorRecordsOf(worker.journeyId, 1);
    const envelope = decodeEnvelope(record.message.value);
    expect(envelope.eventType).toBe('corridor.v1.WorkerNominated');
    expect(envelope.encryptionKeyId).toBe('');
    expect(fromBinary(WorkerNominatedSchema, envelope.payload).sealedPersonData).toHaveLength(0);
  });

  it('withdrawal after nomination is itself an event on the corridor, and carries no person data', async () => {
    const withdrawing = { ...person, documentNumber: 'NK7781342' };
    const worker = await registerWorker(kh(), withdrawing);
    expect((await nominate(worker.workerId)).status).toBe(201);
    await request(kh().recruitment.getHttpServer())
      .post(`/api/v1/workers/${worker.workerId}/consent-withdrawals`)
      .set('Authorization', khOfficer())
      .send({ howGiven: 'thumbprint' })
      .expect(201);
    const timeline = await timelineOf(th(), worker.journeyId, 2, ['destination-officer']);
    expect(timeline.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['corridor.v1.WorkerNominated', 'corridor.v1.ConsentToShareWithdrawn']);
    const records = await corridorRecordsOf(worker.journeyId, 2);
    const withdrawals = records.filter((r) => decodeEnvelope(r.message.value).eventType === 'corridor.v1.ConsentToShareWithdrawn');
    expect(withdrawals).toHaveLength(1);
    const [record] = withdrawals;
    const withdrawal = decodeEnvelope(record.message.value);
    expect(withdrawal.encryptionKeyId).toBe('');
    // The schema has no person-data field: the payload is exactly its three fields, with nothing
    // a writer appended beyond them (protobuf keeps unknown fields in $unknown)...
    const payload = fromBinary(ConsentToShareWithdrawnSchema, withdrawal.payload);
    expect(payload.$unknown).toBeUndefined();
    expect({ workerId: payload.workerId, howGiven: payload.howGiven, withdrawnOn: payload.withdrawnOn }).toEqual({
      workerId: worker.workerId,
      howGiven: 'thumbprint',
      withdrawnOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // ...and none of this worker's person data is anywhere in the record, envelope and headers included.
    const headers = Object.values(record.message.headers ?? {}).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is Buffer => Buffer.isBuffer(v));
    const everything = Buffer.concat([record.message.value!, record.message.key ?? Buffer.alloc(0), ...headers]);
    const clear = [withdrawing.fullName, withdrawing.fullNameLatin, withdrawing.birthDate, withdrawing.documentNumber, 'Chan', 'Sophea'];
    expect(clear.filter((secret) => everything.includes(Buffer.from(secret, 'utf8')))).toEqual([]);
  });
});

describe('person data at rest', () => {
  it('is stored encrypted, and found by name in either script through the blind index', async () => {
    const worker = await registerWorker(kh(), { fullName: 'ສົມພອນ ແກ້ວມະນີ', fullNameLatin: 'Somphone Keomany', nationality: 'KH' });
    const client = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: recruitmentDatabase() });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT * FROM worker WHERE id = $1', [worker.workerId]);
      const stored = JSON.stringify(rows[0]);
      for (const secret of ['ສົມພອນ', 'Somphone', 'Keomany', '1998-04-17']) expect(stored).not.toContain(secret);
    } finally {
      await client.end();
    }
    for (const query of ['ສົມພອນ', 'somphone keomany', 'KEOMANY']) {
      const found = await request(kh().recruitment.getHttpServer())
        .get('/api/v1/workers')
        .query({ name: query, purpose: 'test search' })
        .set('Authorization', khOfficer())
        .expect(200);
      expect(found.body.map((w: { workerId: string }) => w.workerId)).toContain(worker.workerId);
      expect(found.body.find((w: { workerId: string }) => w.workerId === worker.workerId).fullNameLatin).toBe('Somphone Keomany');
    }
  });
});

describe('idempotent writes', () => {
  it('the same POST twice with one Idempotency-Key stores one worker and answers identically', async () => {
    const body = aWorkerRegistration();
    const send = () =>
      request(kh().recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', khOfficer()).set('Idempotency-Key', `retry-${body.documentNumber}`).send(body);
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const found = await request(kh().recruitment.getHttpServer()).get('/api/v1/workers').query({ name: 'Sok Dara', purpose: 'test', limit: 100 }).set('Authorization', khOfficer());
    expect(found.body.filter((w: { documentNumber: string }) => w.documentNumber === body.documentNumber)).toHaveLength(1);
  });
});

describe('the audit trail of a service', () => {
  it('records writes and person-data reads, and the verify command names a row changed in Postgres', async () => {
    const worker = await registerWorker(kh());
    await request(kh().recruitment.getHttpServer()).get(`/api/v1/workers/${worker.workerId}`).query({ purpose: 'identity check' }).set('Authorization', khOfficer()).expect(200);
    const log = await request(kh().recruitment.getHttpServer())
      .get('/api/v1/audit')
      .query({ targetId: worker.workerId })
      .set('Authorization', bearer('KH', ['auditor']))
      .expect(200);
    const actions = log.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['worker.register', 'worker.read']));
    // Sealed into the chain shortly after commit (ADR 0020); sealed now, so that the entry has its seq.
    // (The service's own sequencer may hold the batch at that moment: seal again until the read is in.)
    const readEntry = await eventually(async () => {
      await kh().recruitment.get(AuditSequencer).sealNow();
      const sealed = await request(kh().recruitment.getHttpServer()).get('/api/v1/audit').query({ targetId: worker.workerId }).set('Authorization', bearer('KH', ['auditor']));
      const entry = sealed.body.entries?.find((e: { action: string; seq: number | null }) => e.action === 'worker.read' && e.seq !== null);
      return entry as { seq: number } | undefined;
    }, 15_000, 'the person-data read sealed into the chain');
    expect(readEntry.seq).toEqual(expect.any(Number));

    const database = recruitmentDatabase();
    const client = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database });
    await client.connect();
    try {
      // An attacker with database access bypasses the append-only trigger and edits one row.
      await client.query("SET session_replication_role = replica; UPDATE audit_log SET reason = 'nothing to see' WHERE seq = " + Number(readEntry.seq));
    } finally {
      await client.end();
    }
    const verify = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '../../tools/audit-verify.ts'), '--database', database], {
      cwd: path.join(__dirname, '../..'),
    }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`seq ${readEntry.seq}: hash-mismatch`);
  });
});

describe('the audit head KH signs and TH holds', () => {
  it('TH stores the head KH published; a KH history rewritten and re-hashed in Postgres passes KH\'s own check but not TH\'s', async () => {
    await registerWorker(kh());
    await kh().recruitment.get(AuditSequencer).sealNow();
    const head = await kh().recruitment.get(AuditHeadPublisher).publishNow();
    expect(head).toMatchObject({ country: 'KH', service: 'recruitment', seq: expect.any(Number) });
    const thDb = th().recruitment.get(DataSource);
    const khDb = kh().recruitment.get(DataSource);
    // TH holds it, with a valid signature of KH's node key; LA, on no corridor with KH, never sees it.
    const held = await eventually(async () => {
      const heads = await heldAuditHeads(thDb, 'KH', 'recruitment');
      return heads.some((h) => h.hash === head!.hash) ? heads : undefined;
    }, 60_000, "KH's audit head held at TH"); // a Kafka round trip KH -> TH: seconds under CI load
    const ours = held.filter((h) => h.hash === head!.hash);
    expect(ours).toEqual([{ seq: head!.seq, hash: head!.hash, signedAt: head!.signedAt, signatureValid: true }]);
    expect((await heldAuditHeads(platform.nodes.LA.recruitment.get(DataSource), 'KH', 'recruitment')).filter((h) => h.hash === head!.hash)).toEqual([]);
    expect(await checkPartnerHeads(khDb, ours)).toEqual({ checked: 1, problems: [] });

    // An attacker with full access to KH's database rewrites the first entry and re-hashes every row after it.
    const client = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: recruitmentDatabase() });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      const rows = (await client.query<AuditLogRow>('SELECT * FROM audit_log WHERE seq IS NOT NULL ORDER BY seq')).rows;
      let prev = rows[0].prev_hash;
      for (const [i, row] of rows.entries()) {
        const rewritten = { ...row, reason: i === 0 ? 'nothing happened here' : row.reason, prev_hash: prev };
        rewritten.hash = recomputeHash(rewritten);
        await client.query('UPDATE audit_log SET reason = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [row.seq, rewritten.reason, rewritten.prev_hash, rewritten.hash]);
        prev = rewritten.hash;
      }
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    // KH's own check cannot tell: the chain is consistent again.
    expect(await verifyAuditChain(khDb)).toMatchObject({ problems: [] });
    // TH's copy of the signed head can.
    const report = await checkPartnerHeads(khDb, ours);
    expect(report.problems).toEqual([expect.objectContaining({ seq: head!.seq, problem: 'head-mismatch' })]);
  });
});
