import type { StageNames } from './names';

/**
 * The files of a new stage service, relative to the repo root. One feature (`cases`): a stage
 * opens its case for a journey at the origin, and the destination keeps a replica from the event.
 * Each file follows the conventions in docs/stages.md; replace the case by the stage's own
 * aggregate as the stage grows.
 */
export function stageServiceFiles(n: StageNames, description: string, migrationTimestamp: number): Record<string, string> {
  const { kebab: N, pascal: P, camel: C, snake: S } = n;
  const root = `services/${N}`;
  const cases = `${root}/src/cases`;
  const migration = `Create${P}Cases${migrationTimestamp}`;
  return {
    [`${root}/project.json`]: `{
  "name": "${N}",
  "$schema": "../../node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "services/${N}/src",
  "projectType": "application",
  "tags": ["type:service", "scope:${N}"],
  "targets": { "build": {} }
}
`,
    [`${root}/src/main.ts`]: `import 'reflect-metadata';
import { runService } from '@corridor/service-runtime';
import { ${P}Service } from './${N}.service';

runService(${P}Service);
`,
    [`${root}/src/index.ts`]: `// What tools and cross-service end-to-end tests may use of this service; services never import it.
export { ${P}Service, create${P}App } from './${N}.service';
`,
    [`${root}/src/${N}.service.ts`]: `import { Module } from '@nestjs/common';
import { corridorsOf, type NodeConfig } from '@corridor/config';
import { corridorTopic } from '@corridor/events';
import { createStageServiceApp, defineService, type ServiceApp, type ServiceRuntime } from '@corridor/service-runtime';
import { ${P}CasesModule } from './cases/${N}-cases.module';

/** The ${N} topic of each corridor this node is an end of: it publishes there as origin and keeps replicas from there as destination. */
export function ${C}Topics(config: NodeConfig): string[] {
  return corridorsOf(config).map((c) => corridorTopic(c.origin, c.destination, '${N}'));
}

/** The ${n.title.toLowerCase()} stage of one country node. */
@Module({})
export class ${P}ServiceModule {}

export const ${P}Service = defineService({
  name: '${N}',
  module: ${P}ServiceModule,
  title: 'Corridor ${n.title.toLowerCase()}',
  description: ${JSON.stringify(description || `The ${n.title.toLowerCase()} stage of every journey: its cases, opened at origin and replicated to the destination.`)},
  features: [${P}CasesModule],
  publishesTo: ${C}Topics,
  consumes: ${C}Topics,
});

/** The ${N} service of one country node, ready to listen or to test in-process. */
export function create${P}App(config: NodeConfig, runtime: ServiceRuntime = {}): Promise<ServiceApp> {
  return createStageServiceApp(${P}Service, config, runtime);
}
`,
    [`${root}/src/migrations/${migrationTimestamp}-create-${N}-cases.ts`]: `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ${N} cases of this node: its own (authored_by = the node) and the other ends' replicas. */
export class ${migration} implements MigrationInterface {
  name = '${migration}';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(\`
      CREATE TABLE ${S}_case (
        id uuid PRIMARY KEY,
        journey_id uuid NOT NULL UNIQUE,
        origin text NOT NULL,
        destination text NOT NULL,
        agency_id text,
        opened_on date NOT NULL,
        note text NOT NULL,
        authored_by text NOT NULL,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL
      )\`);
    await runner.query('CREATE INDEX ${S}_case_opened ON ${S}_case (opened_at DESC, id DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ${S}_case');
  }
}
`,
    [`${cases}/${N}-case.entity.ts`]: `import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The ${N} case of one journey. Both ends hold it: the origin that opened it (authored_by) and the destination. */
@Entity({ name: '${S}_case' })
export class ${P}Case {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'journey_id', type: 'uuid' })
  journeyId: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'agency_id', type: 'text', nullable: true })
  agencyId: string | null;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ type: 'text' })
  note: string;

  @Column({ name: 'authored_by', type: 'text' })
  authoredBy: string;

  @Column({ name: 'opened_by', type: 'text' })
  openedBy: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}
`,
    [`${cases}/${N}-case.commands.ts`]: `import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '@corridor/http';

export class Open${P}CaseCommand {
  @ApiProperty({ example: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c', description: 'The journey the case is for (one case per journey)' })
  @IsUUID()
  journeyId: string;

  @ApiProperty({ example: 'TH', description: 'The destination country: a corridor from this node to it must be open' })
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'destination must be a country code like TH' })
  destination: string;

  @ApiProperty({ example: '2026-12-01', description: 'The day the case was opened, YYYY-MM-DD; not in the future' })
  @Matches(/^\\d{4}-\\d{2}-\\d{2}$/, { message: 'openedOn must be a date as YYYY-MM-DD' })
  openedOn: string;

  @ApiProperty({ example: 'file received from the provincial office', description: 'What the case is about; no person data (it travels in the event)' })
  @IsString()
  @Length(3, 500)
  note: string;
}

export class List${P}CasesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '01937a2e-6a1c-7c4e-9a51-2f0d6f0a1b2c' })
  @IsOptional()
  @IsUUID()
  journeyId?: string;
}
`,
    [`${cases}/${N}-case.errors.ts`]: `import { DomainProblem } from '@corridor/http';

/** 409: the journey already has its ${N} case. */
export class ${P}CaseAlreadyOpen extends DomainProblem({ status: 409, slug: '${N}-case-already-open', title: 'The journey already has its ${N} case' }) {
  constructor(journeyId: string, caseId: string) {
    super(\`journey \${journeyId} already has ${N} case \${caseId}\`, { caseId });
  }
}

/** 422: the case breaks a rule of ${N}-case.rules.ts (closed corridor, future date). */
export class ${P}CaseNotOpenable extends DomainProblem({ status: 422, slug: '${N}-case-not-openable', title: 'The ${N} case cannot be opened' }) {
  constructor(reason: string, field: string) {
    super(reason, { field });
  }
}
`,
    [`${cases}/${N}-case.rules.ts`]: `import { openCorridor, type NodeConfig } from '@corridor/config';
import { isCalendarDate, isInTheFuture } from '@corridor/reference-data';
import type { Open${P}CaseCommand } from './${N}-case.commands';

export interface RuleBreach {
  field: string;
  reason: string;
}

/** Why this node may not open the case, or undefined when it may. */
export function whyNotOpenable(
  command: Pick<Open${P}CaseCommand, 'destination' | 'openedOn'>,
  node: Pick<NodeConfig, 'country' | 'corridors'>,
  today = new Date(),
): RuleBreach | undefined {
  if (!openCorridor(node, node.country, command.destination)) {
    return { field: 'destination', reason: \`no corridor is open from \${node.country} to \${command.destination}\` };
  }
  if (!isCalendarDate(command.openedOn)) return { field: 'openedOn', reason: \`openedOn \${command.openedOn} is not a calendar date\` };
  if (isInTheFuture(command.openedOn, today)) return { field: 'openedOn', reason: \`openedOn \${command.openedOn} is in the future\` };
  return undefined;
}
`,
    [`${cases}/${N}-case.rules.spec.ts`]: `import { parseCorridors } from '@corridor/config';
import { whyNotOpenable } from './${N}-case.rules';

const kh = { country: 'KH' as const, corridors: parseCorridors('KH>TH,LA>TH', () => ({}) as never) };
// 18:30 UTC on 3 December: already 4 December in Phnom Penh (UTC+7).
const evening = new Date('2026-12-03T18:30:00Z');

describe('opening a ${N} case', () => {
  it('is allowed along an open corridor on a date that has begun', () => {
    expect(whyNotOpenable({ destination: 'TH', openedOn: '2026-12-03' }, kh, evening)).toBeUndefined();
  });

  it("is allowed on the officer's today that is still tomorrow in UTC", () => {
    expect(whyNotOpenable({ destination: 'TH', openedOn: '2026-12-04' }, kh, evening)).toBeUndefined();
  });

  it('is refused towards a country with no open corridor from this node', () => {
    expect(whyNotOpenable({ destination: 'LA', openedOn: '2026-12-03' }, kh, evening)).toEqual({ field: 'destination', reason: 'no corridor is open from KH to LA' });
  });

  it('is refused on a date that has begun nowhere yet', () => {
    expect(whyNotOpenable({ destination: 'TH', openedOn: '2026-12-05' }, kh, evening)).toEqual({ field: 'openedOn', reason: 'openedOn 2026-12-05 is in the future' });
  });

  it('is refused on a day that no calendar has', () => {
    expect(whyNotOpenable({ destination: 'TH', openedOn: '2026-02-30' }, kh, evening)?.field).toBe('openedOn');
  });
});
`,
    [`${cases}/${N}-case.views.ts`]: `import { ApiProperty } from '@nestjs/swagger';
import type { ${P}Case } from './${N}-case.entity';

/** A ${N} case as every API answer shows it. */
export class ${P}CaseView {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ format: 'uuid' })
  journeyId: string;

  @ApiProperty({ example: 'KH' })
  origin: string;

  @ApiProperty({ example: 'TH' })
  destination: string;

  @ApiProperty({ type: String, nullable: true, description: 'The agency that opened it; null when the ministry did' })
  agencyId: string | null;

  @ApiProperty({ example: '2026-12-01', format: 'date' })
  openedOn: string;

  @ApiProperty()
  note: string;

  @ApiProperty({ example: 'KH', description: 'The node that opened the case; the other end holds a replica' })
  recordedBy: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;
}

export function ${C}CaseView(record: ${P}Case): ${P}CaseView {
  return {
    caseId: record.id,
    journeyId: record.journeyId,
    origin: record.origin,
    destination: record.destination,
    agencyId: record.agencyId,
    openedOn: record.openedOn,
    note: record.note,
    recordedBy: record.authoredBy,
    openedAt: record.openedAt.toISOString(),
  };
}
`,
    [`${cases}/open-${N}-case.usecase.ts`]: `import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { StageCaseOpenedSchema, buildEvent } from '@corridor/events';
import { WriteUseCase } from '@corridor/service-runtime';
import type { Open${P}CaseCommand } from './${N}-case.commands';
import { ${P}Case } from './${N}-case.entity';
import { ${P}CaseAlreadyOpen, ${P}CaseNotOpenable } from './${N}-case.errors';
import { whyNotOpenable } from './${N}-case.rules';
import { ${C}CaseView, type ${P}CaseView } from './${N}-case.views';

/** The origin opens the ${N} case of a journey; the event takes it to the destination. */
@Injectable()
export class Open${P}CaseUseCase extends WriteUseCase {
  async execute(command: Open${P}CaseCommand, officer: Officer, today = new Date()): Promise<${P}CaseView> {
    const breach = whyNotOpenable(command, this.config, today);
    if (breach) throw new ${P}CaseNotOpenable(breach.reason, breach.field);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const existing = await manager.findOne(${P}Case, { where: { journeyId: command.journeyId }, select: { id: true } });
      if (existing) throw new ${P}CaseAlreadyOpen(command.journeyId, existing.id);
      const record = manager.create(${P}Case, {
        id: uuidv7(),
        journeyId: command.journeyId,
        origin: this.config.country,
        destination: command.destination,
        agencyId: officer.agencyId ?? null,
        openedOn: command.openedOn,
        note: command.note,
        authoredBy: this.config.country,
        openedBy: officer.subject,
        openedAt: new Date(),
      });
      await manager.insert(${P}Case, record);
      await this.audit.record(manager, { actor: officer, action: '${N}-case.open', targetType: '${N}-case', targetId: record.id, reason: command.note });
      const { topic, event } = buildEvent({
        stage: '${N}',
        by: officer,
        journeyId: record.journeyId,
        corridor: { origin: record.origin, destination: record.destination },
        occurredAt: record.openedAt,
        schema: StageCaseOpenedSchema,
        payload: create(StageCaseOpenedSchema, { stage: '${N}', caseId: record.id, openedOn: record.openedOn, agencyId: record.agencyId ?? '', note: record.note }),
      });
      await publish(topic, event);
      return ${C}CaseView(record);
    });
  }
}
`,
    [`${cases}/read-${N}-cases.usecase.ts`]: `import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { agencyFilterOf, type Officer } from '@corridor/auth';
import { NotFoundProblem, pageOf, type Page } from '@corridor/http';
import type { List${P}CasesQuery } from './${N}-case.commands';
import { ${P}Case } from './${N}-case.entity';
import { ${C}CaseView, type ${P}CaseView } from './${N}-case.views';

/** The ${N} cases this node holds, its own and the other end's alike; agencies see their own only. */
@Injectable()
export class Read${P}CasesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  /** The access guard has decided who may see the case (${N}-case-owner.ts). */
  async one(caseId: string): Promise<${P}CaseView> {
    const record = await this.dataSource.getRepository(${P}Case).findOneBy({ id: caseId });
    if (!record) throw new NotFoundProblem('${N} case', caseId);
    return ${C}CaseView(record);
  }

  /** Newest first, then by id: a stable order for paging. */
  async list(query: List${P}CasesQuery, officer: Officer): Promise<Page<${P}CaseView>> {
    const { limit, offset } = pageOf(query);
    const builder = this.dataSource.getRepository(${P}Case).createQueryBuilder('c').orderBy('c.opened_at', 'DESC').addOrderBy('c.id', 'DESC').take(limit).skip(offset);
    if (query.journeyId) builder.andWhere('c.journey_id = :journeyId', { journeyId: query.journeyId });
    const agency = agencyFilterOf(officer);
    if (agency !== undefined) builder.andWhere('c.agency_id = :agencyId AND c.origin = :country', { agencyId: agency ?? '', country: officer.country });
    const [rows, total] = await builder.getManyAndCount();
    return { items: rows.map(${C}CaseView), total, limit, offset };
  }
}
`,
    [`${cases}/${N}-case-owner.ts`]: `import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResourceOwners, type ResourceOwner } from '@corridor/auth';
import { ${P}Case } from './${N}-case.entity';

/** A ${N} case belongs to its corridor (the destination sees it once it crossed) and to the agency that opened it. */
export function ownerOf${P}Case(record: Pick<${P}Case, 'origin' | 'destination' | 'agencyId'>): ResourceOwner {
  return { origin: record.origin, destination: record.destination, sharedWithDestination: true, agencyId: record.agencyId };
}

@Injectable()
export class ${P}CaseOwners implements OnModuleInit {
  constructor(
    private readonly owners: ResourceOwners,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.owners.define('${N}-case', async (id) => {
      const record = await this.dataSource.getRepository(${P}Case).findOneBy({ id });
      return record ? ownerOf${P}Case(record) : undefined;
    });
  }
}
`,
    [`${cases}/${N}-case-replica.projector.ts`]: `import { Controller } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { StageCaseOpenedSchema, occurredAt } from '@corridor/events';
import { HandlesEvent, type ReceivedEventOf } from '@corridor/messaging';
import { ${P}Case } from './${N}-case.entity';

/**
 * Keeps this node's replica of the ${N} cases the other end of a corridor opened. Its own
 * events come back on the same topic and are skipped; a redelivery finds the row and changes nothing.
 */
@Controller()
export class ${P}CaseReplicaProjector {
  constructor(
    private readonly audit: AuditTrail,
    @InjectNodeConfig() private readonly config: NodeConfig,
  ) {}

  @HandlesEvent(StageCaseOpenedSchema)
  async onOpened(event: ReceivedEventOf<typeof StageCaseOpenedSchema>): Promise<void> {
    const p = event.payload;
    const by = event.envelope.recordedBy;
    if (p.stage !== '${N}' || by?.country === this.config.country) return;
    if (await event.manager.exists(${P}Case, { where: { id: p.caseId } })) return;
    await event.manager
      .createQueryBuilder()
      .insert()
      .into(${P}Case)
      .values({
        id: p.caseId,
        journeyId: event.envelope.journeyId,
        origin: event.envelope.corridor?.origin ?? '',
        destination: event.envelope.corridor?.destination ?? this.config.country,
        agencyId: p.agencyId || null,
        openedOn: p.openedOn,
        note: p.note,
        authoredBy: by?.country ?? '',
        openedBy: by?.officerId || 'unknown',
        openedAt: occurredAt(event.envelope),
      })
      .orIgnore()
      .execute();
    await this.audit.recordReplicated(event.manager, {
      replica: '${N}-case-replica',
      country: this.config.country,
      event: event.envelope,
      action: '${N}-case.replicate-open',
      targetType: '${N}-case',
      targetId: p.caseId,
    });
  }
}
`,
    [`${cases}/${N}-cases.controller.ts`]: `import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, GetPage, GetView, IdempotentPost, type Page } from '@corridor/http';
import { List${P}CasesQuery, Open${P}CaseCommand } from './${N}-case.commands';
import { ${P}CaseView } from './${N}-case.views';
import { Open${P}CaseUseCase } from './open-${N}-case.usecase';
import { Read${P}CasesUseCase } from './read-${N}-cases.usecase';

/** The ${N} case of each journey: opened at origin, seen by both ends. */
@ApiController('api/v1/${N}-cases', { tag: '${N}-cases', forbidden: 'Another country, or a role that may not' })
export class ${P}CasesController {
  constructor(
    private readonly open${P}Case: Open${P}CaseUseCase,
    private readonly read${P}Cases: Read${P}CasesUseCase,
  ) {}

  @Access('${N}-case.open')
  @IdempotentPost({ answers: ${P}CaseView, description: 'The case is open; the destination receives it' })
  @ApiBadRequestResponse({ description: 'Missing, malformed or unknown fields (problem+json)' })
  @ApiConflictResponse({ description: 'The journey already has its case (problem+json)' })
  @ApiUnprocessableEntityResponse({ description: 'No corridor open to the destination, or a date in the future (problem+json)' })
  open(@Body() command: Open${P}CaseCommand, @CurrentOfficer() officer: Officer): Promise<${P}CaseView> {
    return this.open${P}Case.execute(command, officer);
  }

  @Access('${N}-case.read')
  @GetPage({ answers: ${P}CaseView, description: 'Cases, newest first; agency staff see their own only' })
  list(@Query() query: List${P}CasesQuery, @CurrentOfficer() officer: Officer): Promise<Page<${P}CaseView>> {
    return this.read${P}Cases.list(query, officer);
  }

  @Access('${N}-case.read', { resource: '${N}-case' })
  @GetView({ path: ':caseId', answers: ${P}CaseView, description: 'The case', notFound: 'No such case, or not one the caller may see' })
  one(@Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<${P}CaseView> {
    return this.read${P}Cases.one(caseId);
  }
}
`,
    [`${cases}/${N}-cases.module.ts`]: `import { CorridorFeature } from '@corridor/service-runtime';
import { ${migration} } from '../migrations/${migrationTimestamp}-create-${N}-cases';
import { ${P}CaseOwners } from './${N}-case-owner';
import { ${P}CaseReplicaProjector } from './${N}-case-replica.projector';
import { ${P}Case } from './${N}-case.entity';
import { ${P}CasesController } from './${N}-cases.controller';
import { Open${P}CaseUseCase } from './open-${N}-case.usecase';
import { Read${P}CasesUseCase } from './read-${N}-cases.usecase';

@CorridorFeature({
  entities: [${P}Case],
  migrations: [${migration}],
  controllers: [${P}CasesController, ${P}CaseReplicaProjector],
  providers: [${P}CaseOwners, Open${P}CaseUseCase, Read${P}CasesUseCase],
})
export class ${P}CasesModule {}
`,
    [`${root}/test/integration/${N}-cases.int-spec.ts`]: `import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { isoDay, latestToday } from '@corridor/reference-data';
import { bearer, dropTestDatabases, eventually, testNodeConfig, uniqueName } from '@corridor/testing';
import { create${P}App } from '../../src/${N}.service';

jest.setTimeout(120_000);

/** The ${N} service of KH (origin) and TH (destination) on the real Postgres and Kafka, each on a throw-away database. */
const kh = testNodeConfig('KH');
const th = testNodeConfig('TH');
const khDb = uniqueName('it_kh_${S}');
const thDb = uniqueName('it_th_${S}');
let khApp: INestApplication;
let thApp: INestApplication;
const agencyA = uuidv7();
const agencyB = uuidv7();
const staffOf = (agency: string) => bearer('KH', ['agency-staff'], agency, \`clerk-\${agency.slice(-4)}\`);
const khMinistry = bearer('KH', ['ministry-officer']);
const thDestination = bearer('TH', ['destination-officer']);

beforeAll(async () => {
  khApp = (await create${P}App(kh, { database: khDb })).app;
  thApp = (await create${P}App(th, { database: thDb })).app;
});

afterAll(async () => {
  await khApp?.close();
  await thApp?.close();
  await dropTestDatabases(kh, khDb, thDb);
});

const open = (body: Record<string, unknown>, token = staffOf(agencyA)) => request(khApp.getHttpServer()).post('/api/v1/${N}-cases').set('Authorization', token).send(body);
const aCase = (overrides: Record<string, unknown> = {}) => ({ journeyId: uuidv7(), destination: 'TH', openedOn: isoDay(), note: 'file received from the provincial office', ...overrides });

describe('${N} cases', () => {
  it('a case opened at origin reaches the destination, which sees it with the agency that opened it', async () => {
    const opened = await open(aCase());
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ origin: 'KH', destination: 'TH', agencyId: agencyA, recordedBy: 'KH' });
    const caseId = opened.body.caseId as string;
    const replica = await eventually(async () => {
      const r = await request(thApp.getHttpServer()).get(\`/api/v1/${N}-cases/\${caseId}\`).set('Authorization', thDestination);
      return r.status === 200 ? r.body : undefined;
    }, 60_000, \`${N} case \${caseId} on TH\`);
    expect(replica).toEqual(opened.body);
  });

  it('another agency does not see the case, the ministry does', async () => {
    const opened = await open(aCase());
    const caseId = opened.body.caseId as string;
    expect((await request(khApp.getHttpServer()).get(\`/api/v1/${N}-cases/\${caseId}\`).set('Authorization', staffOf(agencyB))).status).toBe(404);
    expect((await request(khApp.getHttpServer()).get(\`/api/v1/${N}-cases/\${caseId}\`).set('Authorization', khMinistry)).status).toBe(200);
    const listed = await request(khApp.getHttpServer()).get('/api/v1/${N}-cases').query({ journeyId: opened.body.journeyId }).set('Authorization', staffOf(agencyB));
    expect(listed.body).toMatchObject({ items: [], total: 0 });
  });

  it('a case dated after today everywhere on earth is refused', async () => {
    const tomorrowEverywhere = isoDay(new Date(Date.parse(latestToday()) + 86_400_000));
    const refused = await open(aCase({ openedOn: tomorrowEverywhere }));
    expect(refused.body).toMatchObject({ status: 422, type: 'https://corridor.gms/problems/${N}-case-not-openable', field: 'openedOn' });
  });

  it('a case towards a country with no open corridor is refused', async () => {
    const refused = await open(aCase({ destination: 'LA' }));
    expect(refused.body).toMatchObject({ status: 422, type: 'https://corridor.gms/problems/${N}-case-not-openable', field: 'destination' });
  });

  it('a journey has one ${N} case', async () => {
    const body = aCase();
    expect((await open(body)).status).toBe(201);
    const again = await open({ ...body, note: 'the same journey again' });
    expect(again.body).toMatchObject({ status: 409, type: 'https://corridor.gms/problems/${N}-case-already-open' });
  });
});
`,
  };
}
