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
import { stageCaseTableSql } from '@corridor/service-runtime';

/** The ${N} cases of this node: its own (authored_by = the node) and the other ends' replicas. */
export class ${migration} implements MigrationInterface {
  name = '${migration}';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of stageCaseTableSql('${S}_case')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ${S}_case');
  }
}
`,
    [`${cases}/${N}-case.entity.ts`]: `import { Entity } from 'typeorm';
import { StageCaseColumns } from '@corridor/service-runtime';

/**
 * The ${N} case of one journey. Both ends hold it: the origin that opened it (authored_by) and the
 * destination. Its columns are every stage case's (StageCaseColumns); add the stage's own here.
 */
@Entity({ name: '${S}_case' })
export class ${P}Case extends StageCaseColumns {}
`,
    [`${cases}/${N}-case.commands.ts`]: `import { ListStageCasesQuery, OpenStageCaseCommand } from '@corridor/service-runtime';

/** Opening a ${N} case: the fields every stage case takes (libs/service-runtime); add the stage's own here. */
export class Open${P}CaseCommand extends OpenStageCaseCommand {}

export class List${P}CasesQuery extends ListStageCasesQuery {}
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
    [`${cases}/${N}-case.rules.ts`]: `import type { NodeConfig } from '@corridor/config';
import { whyStageCaseNotOpenable, type RuleBreach } from '@corridor/service-runtime';
import type { Open${P}CaseCommand } from './${N}-case.commands';

/**
 * Why this node may not open the case, or undefined when it may: the rules of every stage case
 * (an open corridor, a date that has begun; libs/service-runtime), then the stage's own.
 */
export function whyNotOpenable(
  command: Pick<Open${P}CaseCommand, 'destination' | 'openedOn'>,
  node: Pick<NodeConfig, 'country' | 'corridors'>,
  today = new Date(),
): RuleBreach | undefined {
  return whyStageCaseNotOpenable(command, node, today);
}
`,
    [`${cases}/${N}-case.rules.spec.ts`]: `import { parseCorridors } from '@corridor/config';
import { whyNotOpenable } from './${N}-case.rules';

// The rules every stage case shares are tested in libs/service-runtime; test the stage's own here.
const kh = { country: 'KH' as const, corridors: parseCorridors('KH>TH,LA>TH', () => ({}) as never) };

describe('opening a ${N} case', () => {
  it('is allowed along an open corridor, refused towards a country with none', () => {
    expect(whyNotOpenable({ destination: 'TH', openedOn: '2026-12-03' }, kh, new Date('2026-12-03T12:00:00Z'))).toBeUndefined();
    expect(whyNotOpenable({ destination: 'LA', openedOn: '2026-12-03' }, kh, new Date('2026-12-03T12:00:00Z'))?.field).toBe('destination');
  });
});
`,
    [`${cases}/${N}-case.views.ts`]: `import { StageCaseView } from '@corridor/service-runtime';

/** A ${N} case as every API answer shows it: the fields of every stage case (libs/service-runtime); add the stage's own here. */
export class ${P}CaseView extends StageCaseView {}
`,
    [`${cases}/open-${N}-case.usecase.ts`]: `import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { v7 as uuidv7 } from 'uuid';
import type { Officer } from '@corridor/auth';
import { StageCaseOpenedSchema, buildEvent } from '@corridor/events';
import { WriteUseCase, newStageCase, stageCaseView } from '@corridor/service-runtime';
import type { Open${P}CaseCommand } from './${N}-case.commands';
import { ${P}Case } from './${N}-case.entity';
import { ${P}CaseAlreadyOpen, ${P}CaseNotOpenable } from './${N}-case.errors';
import { whyNotOpenable } from './${N}-case.rules';
import type { ${P}CaseView } from './${N}-case.views';

/** The origin opens the ${N} case of a journey; the event takes it to the destination. */
@Injectable()
export class Open${P}CaseUseCase extends WriteUseCase {
  async execute(command: Open${P}CaseCommand, officer: Officer, today = new Date()): Promise<${P}CaseView> {
    const breach = whyNotOpenable(command, this.config, today);
    if (breach) throw new ${P}CaseNotOpenable(breach.reason, breach.field);
    return this.outbox.transaction(async ({ manager, publish }) => {
      const existing = await manager.findOne(${P}Case, { where: { journeyId: command.journeyId }, select: { id: true } });
      if (existing) throw new ${P}CaseAlreadyOpen(command.journeyId, existing.id);
      const record = manager.create(${P}Case, newStageCase(command, officer, this.config, uuidv7()));
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
      return stageCaseView(record);
    });
  }
}
`,
    [`${cases}/read-${N}-cases.usecase.ts`]: `import { Injectable } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import { NotFoundProblem, type Page } from '@corridor/http';
import { ReadUseCase, pageOfStageCases, stageCaseView } from '@corridor/service-runtime';
import type { List${P}CasesQuery } from './${N}-case.commands';
import { ${P}Case } from './${N}-case.entity';
import type { ${P}CaseView } from './${N}-case.views';

/** The ${N} cases this node holds, its own and the other end's alike; agencies see their own only. */
@Injectable()
export class Read${P}CasesUseCase extends ReadUseCase {
  /** The access guard has decided who may see the case (${N}-case-owner.ts). */
  async one(caseId: string): Promise<${P}CaseView> {
    const record = await this.dataSource.getRepository(${P}Case).findOneBy({ id: caseId });
    if (!record) throw new NotFoundProblem('${N} case', caseId);
    return stageCaseView(record);
  }

  /** Newest first, then by id: a stable order for paging. */
  list(query: List${P}CasesQuery, officer: Officer): Promise<Page<${P}CaseView>> {
    return pageOfStageCases(this.dataSource, ${P}Case, query, officer);
  }
}
`,
    [`${cases}/${N}-case-owner.ts`]: `import { RowOwners, ownerOfStageCase, rowOwner } from '@corridor/service-runtime';
import { ${P}Case } from './${N}-case.entity';

/** A ${N} case belongs to its corridor (the destination sees it once it crossed) and to the agency that opened it. */
export const ${P}CaseOwners = RowOwners({ '${N}-case': rowOwner(${P}Case, ownerOfStageCase) });
`,
    [`${cases}/${N}-case-replica.projector.ts`]: `import { Controller } from '@nestjs/common';
import { AuditTrail } from '@corridor/audit';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';
import { StageCaseOpenedSchema } from '@corridor/events';
import { HandlesEvent, type ReceivedEventOf } from '@corridor/messaging';
import { replicateStageCase } from '@corridor/service-runtime';
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
  onOpened(event: ReceivedEventOf<typeof StageCaseOpenedSchema>): Promise<void> {
    return replicateStageCase(event, ${P}Case, '${N}', { config: this.config, audit: this.audit });
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
    [`${root}/test/integration/${N}-cases.int-spec.ts`]: `import { stageCaseSuite } from '@corridor/testing';
import { create${P}App } from '../../src/${N}.service';

// What every stage case does, on the real Postgres and Kafka (libs/testing/src/stage-case-suite.ts):
// a case opened at origin reaches the destination, access, dates, corridors, one case per journey.
// Add the stage's own tests below.
stageCaseSuite('${N}', create${P}App);
`,
  };
}
