import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { Body, Controller, Global, HttpCode, Module, Post, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { Access, AuthModule, CurrentOfficer, type Officer } from '@corridor/auth';
import { DEVELOPMENT_JWT_SECRET } from '@corridor/config';
import { ensureDatabase, runMigrations, serviceDataSourceOptions } from '@corridor/persistence';
import { FieldCipher } from '@corridor/crypto';
import { bearer, dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { ApiIdempotencyKey, configureHttp, IDEMPOTENCY_ANSWER_CIPHER, IdempotencyInterceptor, IdempotencyKeys1763900000400, IdempotencyModule, DomainProblem } from '../../src';

jest.setTimeout(60_000);

const config = testNodeConfig('KH');
const database = uniqueName('it_http_idempotency');
const officer = bearer('KH', ['ministry-officer']);
const colleague = bearer('KH', ['ministry-officer'], undefined, 'officer-kh-2');
/** Same subject as `officer`, other country: another actor all the same. */
const namesake = bearer('LA', ['ministry-officer'], undefined, 'officer-kh-1');

/** The table the test endpoint writes to, next to the migration under test. */
class TestThings1700000000000 implements MigrationInterface {
  name = 'TestThings1700000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE thing (id serial PRIMARY KEY, name text NOT NULL, created_by text NOT NULL)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE thing');
  }
}

class CreateThing {
  @IsString()
  @IsNotEmpty()
  name: string;

  /** Keeps the request running, so that a concurrent retry finds it in progress. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5_000)
  delayMs?: number;
}

class ThingRefused extends DomainProblem({ status: 422, slug: 'thing-refused', title: 'A thing this suite refuses' }) {}

/** The next requests to /things that fail like a lost database connection (500). */
let serverFailuresToInject = 0;

// Any declared operation will do: the suite is about idempotency, not who may call. One that
// officers of other countries may also reach, since the suite sends a namesake from LA.
@Access('journey.read')
@Controller('things')
class ThingsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @ApiIdempotencyKey()
  async create(@Body() body: CreateThing, @CurrentOfficer() caller: Officer): Promise<{ id: number; name: string; createdBy: string }> {
    // A slow handler under test, not a test waiting: the overlap of two requests is the point.
    // eslint-disable-next-line no-restricted-syntax
    if (body.delayMs) await new Promise((resolve) => setTimeout(resolve, body.delayMs));
    if (body.name === 'forbidden') throw new ThingRefused('things may not be called "forbidden"');
    if (serverFailuresToInject > 0) {
      serverFailuresToInject--;
      throw new Error('connection to the database lost');
    }
    const [row] = await this.dataSource.query<{ id: number }[]>('INSERT INTO thing (name, created_by) VALUES ($1, $2) RETURNING id', [
      body.name,
      caller.subject,
    ]);
    return { id: row.id, name: body.name, createdBy: caller.subject };
  }

  /** Another status than the POST default, to see that the replay keeps the one really sent. */
  @Post('batches')
  @HttpCode(202)
  async batch(@Body() body: CreateThing, @CurrentOfficer() caller: Officer): Promise<{ accepted: number }> {
    const [row] = await this.dataSource.query<{ id: number }[]>('INSERT INTO thing (name, created_by) VALUES ($1, $2) RETURNING id', [
      body.name,
      caller.subject,
    ]);
    return { accepted: row.id };
  }
}

/** The person-data cipher a service provides; a throw-away key here. */
@Global()
@Module({ providers: [{ provide: IDEMPOTENCY_ANSWER_CIPHER, useValue: new FieldCipher({ test: randomBytes(32) }, 'test') }], exports: [IDEMPOTENCY_ANSWER_CIPHER] })
class AnswerCipherModule {}

@Module({})
class IdempotencyTestModule {
  static forDatabase(name: string): DynamicModule {
    return {
      module: IdempotencyTestModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            server: config.postgres,
            database: name,
            entities: [],
            migrations: [IdempotencyKeys1763900000400, TestThings1700000000000],
          }),
        ),
        // Refusals are not what this suite is about; the access model still decides who gets in.
        AuthModule.forRoot({ secret: DEVELOPMENT_JWT_SECRET, nodeCountry: 'KH', refusals: { refused: () => undefined } }),
        AnswerCipherModule,
        IdempotencyModule,
      ],
      controllers: [ThingsController],
    };
  }
}

let app: INestApplication;
let db: Client;

interface Options {
  key?: string;
  token?: string;
  path?: string;
}

function post(body: Record<string, unknown>, { key, token = officer, path = '/things' }: Options = {}): request.Test {
  const test = request(app.getHttpServer()).post(path).set('Authorization', token);
  if (key !== undefined) test.set('Idempotency-Key', key);
  return test.send(body);
}

async function things(): Promise<number> {
  const result = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM thing');
  return result.rows[0].n;
}

async function keys(): Promise<number> {
  const result = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_key');
  return result.rows[0].n;
}

let counter = 0;
/** A key no other test of this run uses. */
function freshKey(): string {
  return `key-${Date.now().toString(36)}-${++counter}`;
}

function expectProblem(response: request.Response, status: number, typeEnding: string): void {
  expect({ status: response.status, body: response.text.slice(0, 300) }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body.status).toBe(status);
  expect(response.body.type).toBe(`https://corridor.gms/problems/${typeEnding}`);
}

beforeAll(async () => {
  await ensureDatabase(config.postgres, database);
  app = await NestFactory.create(IdempotencyTestModule.forDatabase(database), { logger: false });
  await runMigrations(app.get(DataSource));
  configureHttp(app, { title: 'idempotency test', description: 'a POST endpoint behind the Idempotency-Key interceptor' });
  await app.init();
  db = new Client({ ...config.postgres, database });
  await db.connect();
});

afterAll(async () => {
  await db?.end().catch(() => undefined);
  await app?.close();
  await dropTestDatabases(config, database);
});

beforeEach(() => {
  serverFailuresToInject = 0;
});

describe('Idempotency-Key on POST', () => {
  it('replays the first answer to a retry with the same key, and creates one row only', async () => {
    const before = await things();
    const key = freshKey();
    const first = await post({ name: 'well' }, { key });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await post({ name: 'well' }, { key });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await things()).toBe(before + 1);
  });

  it('recognises the same body sent with its keys in another order', async () => {
    const before = await things();
    const key = freshKey();
    const first = await post({ name: 'pump', delayMs: 0 }, { key }).expect(201);
    const second = await post({ delayMs: 0, name: 'pump' }, { key }).expect(201);
    expect(second.body).toEqual(first.body);
    expect(await things()).toBe(before + 1);
  });

  it('answers 422 problem+json to the same key with another body, and changes nothing', async () => {
    const key = freshKey();
    await post({ name: 'latrine' }, { key }).expect(201);
    const before = await things();
    const reused = await post({ name: 'school' }, { key });
    expectProblem(reused, 422, 'idempotency-key-reused');
    expect(await things()).toBe(before);
  });

  it('answers 422 to the same key and body sent to another endpoint', async () => {
    const key = freshKey();
    await post({ name: 'clinic' }, { key }).expect(201);
    const before = await things();
    expectProblem(await post({ name: 'clinic' }, { key, path: '/things/batches' }), 422, 'idempotency-key-reused');
    expect(await things()).toBe(before);
  });

  it('runs two requests with different keys twice', async () => {
    const before = await things();
    const first = await post({ name: 'road' }, { key: freshKey() }).expect(201);
    const second = await post({ name: 'road' }, { key: freshKey() }).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(await things()).toBe(before + 2);
  });

  it('without a key, behaves as before: every request runs and nothing is recorded', async () => {
    const before = { things: await things(), keys: await keys() };
    const first = await post({ name: 'bridge' }).expect(201);
    const second = await post({ name: 'bridge' }).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect({ things: await things(), keys: await keys() }).toEqual({ things: before.things + 2, keys: before.keys });
  });

  it('runs two concurrent requests with the same key once: the other gets 409 or the replay', async () => {
    const before = await things();
    const key = freshKey();
    const responses = await Promise.all([post({ name: 'dam', delayMs: 500 }, { key }), post({ name: 'dam', delayMs: 500 }, { key })]);
    expect(await things()).toBe(before + 1);
    const ran = responses.filter((r) => r.status === 201 && r.headers['idempotent-replayed'] === undefined);
    expect(ran).toHaveLength(1);
    const [other] = responses.filter((r) => r !== ran[0]);
    // Either it arrived while the first ran (409, retry in a second) or after it (the replay).
    const seen = { status: other.status, contentType: other.headers['content-type'], retryAfter: other.headers['retry-after'], body: other.body };
    const inProgress = {
      contentType: expect.stringMatching(/^application\/problem\+json/),
      retryAfter: '1',
      body: { status: 409, type: 'https://corridor.gms/problems/idempotency-key-in-progress', detail: expect.stringMatching(/still being processed/) },
    };
    const replayed = { status: 201, body: ran[0].body };
    expect(seen).toMatchObject(other.status === 409 ? inProgress : replayed);
    // Once the first has answered, a retry gets its answer.
    const retry = await post({ name: 'dam', delayMs: 500 }, { key }).expect(201);
    expect(retry.body).toEqual(ran[0].body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await things()).toBe(before + 1);
  });

  it('replays a 400 validation error as the same 400', async () => {
    const before = await things();
    const key = freshKey();
    const first = await post({ name: '', colour: 'blue' }, { key });
    expectProblem(first, 400, 'validation');
    expect(first.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'name']);
    const second = await post({ name: '', colour: 'blue' }, { key });
    expect(second.status).toBe(400);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await things()).toBe(before);
  });

  it('replays a business-rule rejection (422) as it was', async () => {
    const key = freshKey();
    const first = await post({ name: 'forbidden' }, { key });
    expectProblem(first, 422, 'thing-refused');
    const second = await post({ name: 'forbidden' }, { key });
    expect(second.status).toBe(422);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
  });

  it('keeps no answer in clear: a stored 201 and a stored 422 are sealed, and still replayed', async () => {
    const created = await post({ name: 'Sok Dara 0000A1234' }, { key: 'sealed-ok' }).expect(201);
    const refused = await post({ name: 'forbidden' }, { key: 'sealed-refused' }).expect(422);
    const stored = await db.query<{ key: string; body: string }>("SELECT key, response_body::text AS body FROM idempotency_key WHERE key LIKE 'sealed-%' ORDER BY key");
    expect(stored.rows.map((r) => r.key)).toEqual(['sealed-ok', 'sealed-refused']);
    for (const row of stored.rows) {
      expect(row.body).toMatch(/^\{"sealed": "v1\./);
      expect(row.body).not.toMatch(/Sok Dara|0000A1234|forbidden/);
    }
    expect((await post({ name: 'Sok Dara 0000A1234' }, { key: 'sealed-ok' }).expect(201)).body).toEqual(created.body);
    expect((await post({ name: 'forbidden' }, { key: 'sealed-refused' }).expect(422)).body).toEqual(refused.body);
  });

  it('releases the key after a server error, so that the retry runs afresh', async () => {
    const before = await things();
    const key = freshKey();
    serverFailuresToInject = 1;
    expectProblem(await post({ name: 'well' }, { key }), 500, 'internal');
    expect(await things()).toBe(before);
    const retry = await post({ name: 'well' }, { key }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await things()).toBe(before + 1);
    const again = await post({ name: 'well' }, { key }).expect(201);
    expect(again.body).toEqual(retry.body);
  });

  it('scopes keys per officer: another officer with the same key gets a fresh execution', async () => {
    const before = await things();
    const key = freshKey();
    const mine = await post({ name: 'school' }, { key }).expect(201);
    const theirs = await post({ name: 'school' }, { key, token: colleague }).expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.createdBy).toBe('officer-kh-2');
    const namesakes = await post({ name: 'school' }, { key, token: namesake }).expect(201);
    expect(namesakes.headers['idempotent-replayed']).toBeUndefined();
    expect(await things()).toBe(before + 3);
    // Each still gets their own answer back.
    expect((await post({ name: 'school' }, { key }).expect(201)).body).toEqual(mine.body);
    expect((await post({ name: 'school' }, { key, token: colleague }).expect(201)).body).toEqual(theirs.body);
    expect(await things()).toBe(before + 3);
  });

  it('replays the status the handler really answered with (@HttpCode(202))', async () => {
    const before = await things();
    const key = freshKey();
    const first = await post({ name: 'census' }, { key, path: '/things/batches' }).expect(202);
    const second = await post({ name: 'census' }, { key, path: '/things/batches' }).expect(202);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await things()).toBe(before + 1);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'my key'],
    ['with a slash', 'a/b'],
  ])('refuses an Idempotency-Key that is %s with 400, running nothing', async (_, key) => {
    const before = { things: await things(), keys: await keys() };
    expectProblem(await post({ name: 'tank' }, { key }), 400, 'invalid-idempotency-key');
    expect({ things: await things(), keys: await keys() }).toEqual(before);
  });

  it('forgets a key after 24 hours: the same key then runs again, and the purge removes old keys', async () => {
    const before = await things();
    const key = freshKey();
    const first = await post({ name: 'pond' }, { key }).expect(201);
    await db.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const later = await post({ name: 'pond' }, { key }).expect(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.body.id).not.toBe(first.body.id);
    expect(await things()).toBe(before + 2);

    const stale = freshKey();
    await post({ name: 'pond' }, { key: stale }).expect(201);
    await db.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [stale]);
    const kept = await keys();
    expect(await app.get(IdempotencyInterceptor).purgeExpired()).toBe(1);
    expect(await keys()).toBe(kept - 1);
    const left = await db.query('SELECT key FROM idempotency_key WHERE key = ANY($1)', [[key, stale]]);
    expect(left.rows).toEqual([{ key }]);
  });

  it('documents the header in OpenAPI where @ApiIdempotencyKey() is set', async () => {
    const document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const parameters: { name: string; in: string; required: boolean }[] = document.paths['/things'].post.parameters;
    expect(parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }));
  });
});
