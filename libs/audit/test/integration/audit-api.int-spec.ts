import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuthModule } from '@corridor/auth';
import { DEVELOPMENT_JWT_SECRET, NodeConfigModule } from '@corridor/config';
import { configureHttp } from '@corridor/http';
import { ensureDatabase, runMigrations, serviceDataSourceOptions } from '@corridor/persistence';
import { bearer, dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { AuditEntry, AccessRefusalsMigration as AccessRefusals1763900000310, AuditLog1763900000300, AuditModule, AuditSealingMigration, AuditSequencer, AuditTrail, type AuditPage, type AuditRecord } from '../../src';

jest.setTimeout(60_000);

const config = testNodeConfig('KH');
const database = uniqueName('it_audit_api');
const auditor = bearer('KH', ['auditor'], undefined, 'auditor-kh-1');
let app: INestApplication;

function entry(i: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    actor: { subject: i % 2 ? 'officer-kh-1' : 'officer-kh-2', country: 'KH' },
    action: i % 3 ? 'worker.read' : 'worker.register',
    targetType: 'worker',
    targetId: `w-${i % 4}`,
    reason: `entry ${i}`,
    details: { i },
    ...overrides,
  };
}

async function get(path: string, token: string | null = auditor): Promise<request.Response> {
  const call = request(app.getHttpServer()).get(path);
  return token ? call.set('Authorization', token) : call;
}

beforeAll(async () => {
  await ensureDatabase(config.postgres, database);
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(
        serviceDataSourceOptions({ server: config.postgres, database, entities: [AuditEntry], migrations: [AuditLog1763900000300, AccessRefusals1763900000310, AuditSealingMigration] }),
      ),
      AuthModule.forRoot({ secret: DEVELOPMENT_JWT_SECRET, nodeCountry: 'KH' }),
      NodeConfigModule.forRoot(testNodeConfig('KH')),
      AuditModule,
    ],
  }).compile();
  app = moduleRef.createNestApplication({ logger: ['error'] });
  await runMigrations(app.get(DataSource));
  configureHttp(app, { title: 'audit test', description: 'AuditModule alone' });
  await app.init();
  const trail = app.get(AuditTrail);
  for (let i = 1; i <= 12; i += 1) await trail.recordInOwnTransaction(entry(i));
  // Sealed now rather than by the next round of the sequencer, so that every entry has its seq.
  await app.get(AuditSequencer).sealNow();
});

afterAll(async () => {
  await app?.close();
  await dropTestDatabases(config, database);
});

describe('GET /api/v1/audit', () => {
  it('401 without a token, 403 for a role other than auditor or admin', async () => {
    expect((await get('/api/v1/audit', null)).status).toBe(401);
    const refused = await get('/api/v1/audit', bearer('KH', ['caseworker', 'ministry-officer']));
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await get('/api/v1/audit/verify', bearer('KH', ['statistician']))).status).toBe(403);
  });

  it('lists newest first for an auditor and an admin', async () => {
    const response = await get('/api/v1/audit');
    expect(response.status).toBe(200);
    const page = response.body as AuditPage;
    expect(page.entries.map((e) => e.seq)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page.nextCursor).toBeNull();
    expect(page.entries[0]).toMatchObject({
      seq: 12,
      actor: { country: 'KH', agencyId: null, officerId: 'officer-kh-2' },
      action: 'worker.register',
      target: { type: 'worker', id: 'w-0' },
      reason: 'entry 12',
      details: { i: 12 },
    });
    expect(page.entries[0].recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(page.entries[0].prevHash).toBe(page.entries[1].hash);
    expect((await get('/api/v1/audit', bearer('KH', ['admin']))).status).toBe(200);
  });

  it('filters by officer, action and target, combined', async () => {
    const byOfficer = (await get('/api/v1/audit?actorOfficer=officer-kh-1')).body as AuditPage;
    expect(byOfficer.entries.map((e) => e.seq)).toEqual([11, 9, 7, 5, 3, 1]);
    const registrations = (await get('/api/v1/audit?action=worker.register')).body as AuditPage;
    expect(registrations.entries.map((e) => e.seq)).toEqual([12, 9, 6, 3]);
    const target = (await get('/api/v1/audit?targetType=worker&targetId=w-1')).body as AuditPage;
    expect(target.entries.map((e) => e.seq)).toEqual([9, 5, 1]);
    const combined = (await get('/api/v1/audit?actorOfficer=officer-kh-1&action=worker.register&targetId=w-1')).body as AuditPage;
    expect(combined.entries.map((e) => e.seq)).toEqual([9]);
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    const all = ((await get('/api/v1/audit')).body as AuditPage).entries;
    const sixth = all.find((e) => e.seq === 6)!;
    const from = (await get(`/api/v1/audit?from=${encodeURIComponent(sixth.recordedAt)}`)).body as AuditPage;
    expect(Math.min(...from.entries.map((e) => e.entryId))).toBeLessThanOrEqual(6);
    expect(from.entries.every((e) => e.recordedAt >= sixth.recordedAt)).toBe(true);
    const to = (await get(`/api/v1/audit?to=${encodeURIComponent(sixth.recordedAt)}`)).body as AuditPage;
    expect(to.entries.every((e) => e.recordedAt < sixth.recordedAt)).toBe(true);
    expect(from.entries.length + to.entries.length).toBe(12);
    expect((await get('/api/v1/audit?from=2999-01-01T00:00:00Z')).body.entries).toEqual([]);
  });

  it('pages with limit and cursor without skipping or repeating', async () => {
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page: AuditPage = (await get(`/api/v1/audit?limit=5${cursor ? `&cursor=${cursor}` : ''}`)).body;
      seen.push(...page.entries.map((e) => e.entryId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    const exact = (await get('/api/v1/audit?limit=6&cursor=7')).body as AuditPage;
    expect(exact).toMatchObject({ nextCursor: null });
    expect(exact.entries.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it.each([
    ['limit=201', 'limit'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=-1', 'cursor'],
    ['from=yesterday', 'from'],
    ['actorOfficer=', 'actorOfficer'],
    ['officer=officer-kh-1', 'officer'],
  ])('400 for %s, naming %s', async (query, field) => {
    const response = await get(`/api/v1/audit?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('422 when from is not before to', async () => {
    const response = await get('/api/v1/audit?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(response.body).toMatchObject({ status: 422, type: 'https://corridor.gms/problems/invalid-period', field: 'to', from: '2026-12-01T00:00:00Z' });
  });
});

describe('GET /api/v1/audit/verify', () => {
  it('reports an intact chain, then the row an attacker changed', async () => {
    expect((await get('/api/v1/audit/verify')).body).toMatchObject({ rows: 12, intact: true, problems: [], head: { seq: 12 } });
    const attacker = new Client({ ...config.postgres, database });
    await attacker.connect();
    try {
      await attacker.query('SET session_replication_role = replica');
      await attacker.query(`UPDATE audit_log SET details = '{"i": 70}' WHERE seq = 7`);
    } finally {
      await attacker.end();
    }
    expect((await get('/api/v1/audit/verify')).body).toMatchObject({
      rows: 12,
      intact: false,
      problems: [{ seq: 7, problem: 'hash-mismatch' }],
    });
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await request(app.getHttpServer()).get('/api/docs-json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/audit', '/api/v1/audit/verify']));
  });
});
