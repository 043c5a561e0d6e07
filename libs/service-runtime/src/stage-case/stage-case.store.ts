import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { AuditTrail } from '@corridor/audit';
import { agencyFilterOf, type Officer, type ResourceOwner } from '@corridor/auth';
import type { NodeConfig } from '@corridor/config';
import { occurredAt, type StageCaseOpened } from '@corridor/events';
import { pageOfRows, type Page } from '@corridor/http';
import type { ReceivedEvent } from '@corridor/messaging';
import type { StageCaseColumns } from './stage-case.columns';
import type { ListStageCasesQuery, OpenStageCaseCommand } from './stage-case.inputs';
import { stageCaseView, type StageCaseView } from './stage-case.views';

/** A stage case belongs to its corridor (the destination sees it once it crossed) and to the agency that opened it. */
export function ownerOfStageCase(record: Pick<StageCaseColumns, 'origin' | 'destination' | 'agencyId'>): ResourceOwner {
  return { origin: record.origin, destination: record.destination, sharedWithDestination: true, agencyId: record.agencyId };
}

/** The row of a case this node opens now (id and time given, so the use case decides them). */
export function newStageCase(command: OpenStageCaseCommand, officer: Officer, config: Pick<NodeConfig, 'country'>, id: string, now = new Date()): StageCaseColumns {
  return {
    id,
    journeyId: command.journeyId,
    origin: config.country,
    destination: command.destination,
    agencyId: officer.agencyId ?? null,
    openedOn: command.openedOn,
    note: command.note,
    authoredBy: config.country,
    openedBy: officer.subject,
    openedAt: now,
  };
}

/**
 * Keeps this node's replica of a case the other end opened (StageCaseOpened of `stage`): its own
 * events come back on the same topic and are skipped, another stage's too; a redelivery finds the
 * row and changes nothing. Audited as the replica's step.
 */
export async function replicateStageCase(
  event: ReceivedEvent<StageCaseOpened>,
  entity: EntityTarget<StageCaseColumns>,
  stage: string,
  context: { config: Pick<NodeConfig, 'country'>; audit: AuditTrail },
): Promise<void> {
  const p = event.payload;
  const by = event.envelope.recordedBy;
  const country = context.config.country;
  if (p.stage !== stage || by?.country === country) return;
  if (await event.manager.exists(entity, { where: { id: p.caseId } })) return;
  await event.manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values({
      id: p.caseId,
      journeyId: event.envelope.journeyId,
      origin: event.envelope.corridor?.origin ?? '',
      destination: event.envelope.corridor?.destination ?? country,
      agencyId: p.agencyId || null,
      openedOn: p.openedOn,
      note: p.note,
      authoredBy: by?.country ?? '',
      openedBy: by?.officerId || 'unknown',
      openedAt: occurredAt(event.envelope),
    })
    .orIgnore()
    .execute();
  await context.audit.recordReplicated(event.manager, {
    replica: `${stage}-case-replica`,
    country,
    event: event.envelope,
    action: `${stage}-case.replicate-open`,
    targetType: `${stage}-case`,
    targetId: p.caseId,
  });
}

/** The cases this node holds, its own and the other end's alike, newest first then by id (a stable order for paging); agencies see their own only. */
export function pageOfStageCases(
  source: DataSource | EntityManager,
  entity: EntityTarget<StageCaseColumns>,
  query: ListStageCasesQuery,
  officer: Officer,
): Promise<Page<StageCaseView>> {
  const builder = source.getRepository(entity).createQueryBuilder('c').orderBy('c.opened_at', 'DESC').addOrderBy('c.id', 'DESC');
  if (query.journeyId) builder.andWhere('c.journey_id = :journeyId', { journeyId: query.journeyId });
  const agency = agencyFilterOf(officer);
  if (agency !== undefined) builder.andWhere('c.agency_id = :agencyId AND c.origin = :country', { agencyId: agency ?? '', country: officer.country });
  return pageOfRows(builder, query, stageCaseView);
}
